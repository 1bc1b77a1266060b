/**
 * A supervisor answers a card shown for a PSW: `accepted` creates an action item with an owner and a due
 * date; `overridden` needs a reason. Response, action item and audit event are written in one transaction.
 */
import { cardIds, isoDateSchema } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import { addActionEvent } from '../actions/action-items';
import { resolveActionOwner } from '../actions/action-owners';
import { assertDueOn } from '../actions/due-date';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, newId, nowIso, todayIso } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { asOfSchema, idSchema } from '../schemas';
import { assessSupervisedWorker } from '../workers/get-worker-assessment';

const base = {
  requestId: requestIdSchema.optional(),
  workerId: idSchema,
  cardId: z.enum(cardIds, { message: 'expected a known card id' }),
  asOf: asOfSchema,
};

export const answerCardInput = z.discriminatedUnion(
  'decision',
  [
    z.object({
      ...base,
      decision: z.literal('accepted'),
      /** What will be done, typed; without it the title is the card's summary in the viewer's language. */
      title: z
        .string()
        .trim()
        .min(1, { message: 'expected a non-empty title' })
        .max(200, { message: 'expected at most 200 characters' })
        .optional(),
      /** Who does it (or answers for it, for the team): a supervisor of the organisation; the answering one by default. */
      ownerUserId: idSchema.optional(),
      /** The action is for the team of the PSW's unit. */
      forTeam: z.boolean({ message: 'expected true or false' }).optional(),
      dueOn: isoDateSchema,
    }),
    z.object({
      ...base,
      decision: z.literal('overridden'),
      reason: z
        .string({ message: 'expected a reason for overriding the card' })
        .trim()
        .min(1, { message: 'expected a reason for overriding the card' })
        .max(2000, { message: 'expected at most 2000 characters' }),
    }),
  ],
  { message: 'expected decision to be accepted or overridden' },
);

export interface AnsweredCard {
  responseId: string;
  actionItemId: string | null;
}

export async function answerCard(
  db: Db,
  actor: Actor,
  input: z.input<typeof answerCardInput>,
): Promise<AnsweredCard> {
  const { requestId, ...parsed } = parseServiceInput(answerCardInput, input);
  const asOf = parsed.asOf ?? todayIso();
  if (parsed.decision === 'accepted') assertDueOn(parsed.dueOn, asOf);
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, parsed.workerId);
    if (asOf < worker.startedOn)
      throw invalidField('asOf', `a date on or after the PSW started (${worker.startedOn})`);
    return idempotentCreate(
      trx,
      actor,
      { operation: 'card.answer', requestId, content: parsed },
      async () => {
        const assessment = await assessSupervisedWorker(trx, worker, asOf);
        const card = assessment.cards.find((c) => c.id === parsed.cardId);
        if (!card) throw invalidField('cardId', `a card shown for this PSW on ${asOf}`);
        const respondedAt = nowIso();
        const responseId = newId();
        await trx
          .insertInto('card_response')
          .values({
            id: responseId,
            organization_id: actor.organizationId,
            peer_worker_id: worker.id,
            card_id: card.id,
            as_of: asOf,
            decision: parsed.decision,
            reason: parsed.decision === 'overridden' ? parsed.reason : null,
            responded_by: actor.userId,
            responded_at: respondedAt,
          })
          .execute();
        let actionItemId: string | null = null;
        if (parsed.decision === 'accepted') {
          const owner = await resolveActionOwner(trx, actor, parsed, worker.unit.id);
          actionItemId = newId();
          await trx
            .insertInto('action_item')
            .values({
              id: actionItemId,
              organization_id: actor.organizationId,
              peer_worker_id: worker.id,
              card_response_id: responseId,
              card_id: card.id,
              title: parsed.title ?? null,
              ...owner,
              due_on: parsed.dueOn,
              status: 'open',
              completed_at: null,
              created_at: respondedAt,
            })
            .execute();
          await addActionEvent(trx, actor, {
            actionId: actionItemId,
            kind: 'assigned',
            outcome: null,
            note: null,
            at: respondedAt,
            ownerUserId: owner.owner_user_id,
            ownerUnitId: owner.owner_unit_id,
            dueOn: parsed.dueOn,
          });
        }
        await recordAudit(trx, actor, {
          action: `card.${parsed.decision === 'accepted' ? 'accept' : 'override'}`,
          entityType: 'card_response',
          entityId: responseId,
          details: {
            workerId: worker.id,
            cardId: card.id,
            asOf,
            actionItemId,
            ...(parsed.decision === 'accepted'
              ? { ownerUserId: parsed.ownerUserId ?? actor.userId, forTeam: parsed.forTeam === true }
              : {}),
          },
        });
        return { responseId, actionItemId };
      },
    );
  });
}
