/**
 * Accepting a card of the published team view (ADR 0042): it becomes an action for the unit's team, or
 * for the organisation, with an accountable member and a due date. The action holds only what the
 * published view showed (card, unit, period), never a PSW or a count. Written with its history row and
 * audit event in one transaction; a retry with the same request id writes nothing new.
 */
import { isoDateSchema, publishedCardIds } from '@peerbridge/domain';
import { z } from 'zod';
import { assertDueOn } from '../actions/due-date';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, newId, nowIso, todayIso } from '../db';
import { conflict, invalidField, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { idSchema } from '../schemas';
import { loadTeamScope } from './team-action-access';
import { addTeamActionEvent } from './team-actions';

export const acceptTeamCardInput = z.object({
  requestId: requestIdSchema.optional(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected a period YYYY-MM' }),
  /** The unit whose team does it; without it, the organisation (admins only). */
  unitId: idSchema.optional(),
  cardId: z.enum(publishedCardIds as [string, ...string[]], { message: 'expected a card of the team view' }),
  /** Who answers for it: an admin or supervisor of the organisation; the accepting one by default. */
  ownerUserId: idSchema.optional(),
  dueOn: isoDateSchema,
});

export interface AcceptedTeamCard {
  teamActionId: string;
}

export async function acceptTeamCard(
  db: Db,
  actor: Actor,
  input: z.input<typeof acceptTeamCardInput>,
): Promise<AcceptedTeamCard> {
  const { requestId, ...parsed } = parseServiceInput(acceptTeamCardInput, input);
  return db.transaction().execute(async (trx) => {
    const unit = await loadTeamScope(trx, actor, parsed.unitId);
    assertDueOn(parsed.dueOn, todayIso());
    const published = await trx
      .selectFrom('aggregate_snapshot')
      .select('period')
      .where('organization_id', '=', actor.organizationId)
      .where('period', '=', parsed.period)
      .executeTakeFirst();
    if (!published) throw invalidField('period', 'a published period of the team view');
    const ownerUserId = parsed.ownerUserId ?? actor.userId;
    const owner = await trx
      .selectFrom('membership')
      .select('user_id')
      .where('organization_id', '=', actor.organizationId)
      .where('user_id', '=', ownerUserId)
      .where('role', 'in', ['admin', 'supervisor'])
      .executeTakeFirst();
    if (!owner) throw invalidField('ownerUserId', 'an admin or supervisor of your organisation');
    return idempotentCreate(
      trx,
      actor,
      { operation: 'team_card.accept', requestId, content: parsed },
      async () => {
        let open = trx
          .selectFrom('team_action')
          .select('id')
          .where('organization_id', '=', actor.organizationId)
          .where('card_id', '=', parsed.cardId)
          .where('status', '=', 'open');
        open = unit === null ? open.where('unit_id', 'is', null) : open.where('unit_id', '=', unit.id);
        if (await open.executeTakeFirst())
          throw conflict(
            'This card already has an open action for this team; close it before accepting again',
          );
        const id = newId();
        const at = nowIso();
        await trx
          .insertInto('team_action')
          .values({
            id,
            organization_id: actor.organizationId,
            unit_id: unit?.id ?? null,
            period: parsed.period,
            card_id: parsed.cardId,
            owner_user_id: ownerUserId,
            due_on: parsed.dueOn,
            status: 'open',
            outcome: null,
            outcome_note: null,
            completed_at: null,
            completed_by: null,
            created_by: actor.userId,
            created_at: at,
          })
          .execute();
        await addTeamActionEvent(trx, actor, { id, kind: 'assigned', outcome: null, note: null, at });
        await recordAudit(trx, actor, {
          action: 'team_card.accept',
          entityType: 'team_action',
          entityId: id,
          details: {
            cardId: parsed.cardId,
            unitId: unit?.id ?? null,
            period: parsed.period,
            ownerUserId,
            dueOn: parsed.dueOn,
          },
        });
        return { teamActionId: id };
      },
    );
  });
}
