/**
 * The PSW's check-in (issue 12 items 2 and 4, ADR 0039). Shared answers become `self_report`
 * observations about their own record, dated today and naming the check-in, through the one
 * `storeObservations`; kept answers and burnout answers go to `own_check_in_answer`, which only the
 * PSW's own record reads. The audit event names the check-in and the shared observations only: never
 * a kept answer, its indicator or even how many there were. A retry with the same client request id
 * (a double tap, a lost answer on a phone) returns the first result and stores nothing twice.
 */
import {
  type BurnoutAnswers,
  burnoutAnswersSchema,
  type CheckInAnswer,
  checkInAnswersSchema,
  scoreBurnout,
  showsHighStrain,
} from '@peerbridge/domain';
import { z } from 'zod';
import { loadOwnWorker, requirePeerWorker } from '../access/own-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, type DbOrTrx, newId, nowIso, todayIso } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { storeObservations } from '../observations/store-observations';
import { loadOrganizationSettings } from '../organization/organization-settings';
import type { WellbeingContact } from '../organization/wellbeing-settings';
import { burnoutQuestion, burnoutResponseValue } from './own-answer-codes';

export const submitCheckInInput = z.object({
  requestId: requestIdSchema.optional(),
  answers: checkInAnswersSchema,
  /** Only when the organisation enabled the burnout instrument; every item may be skipped (null). */
  burnout: burnoutAnswersSchema.optional(),
});

export interface CheckInResult {
  checkInId: string;
  answeredOn: string;
  /** How many answers went to the supervisor (the PSW's own choice, echoed back). */
  shared: number;
  /** Present when the PSW's own answers show high strain: a kind word and whom to call. Never a label. */
  support: { contacts: WellbeingContact[] } | null;
}

const anyBurnoutAnswer = (b: BurnoutAnswers) => [...b.personal, ...b.work].some((r) => r !== null);

/** Stores one check-in of the caller's own record; refuses a check-in with nothing answered. */
export async function submitCheckIn(
  db: Db,
  actor: Actor,
  input: z.input<typeof submitCheckInInput>,
): Promise<CheckInResult> {
  requirePeerWorker(actor);
  const { requestId, answers, burnout } = parseServiceInput(submitCheckInInput, input);
  const settings = await loadOrganizationSettings(db, actor.organizationId);
  if (burnout !== undefined && settings.burnoutItems === null)
    throw invalidField(
      'burnout',
      'no burnout answers: the organisation has not enabled the burnout questions',
    );
  if (answers.length === 0 && (burnout === undefined || !anyBurnoutAnswer(burnout)))
    throw invalidField('answers', 'at least one answer (any question may be skipped, but not all of them)');
  return db.transaction().execute(async (trx) => {
    const worker = await loadOwnWorker(trx, actor);
    return idempotentCreate(
      trx,
      actor,
      { operation: 'check_in.submit', requestId, content: { answers, burnout } },
      async (): Promise<CheckInResult> => {
        const answeredOn = todayIso();
        const checkInId = newId();
        await storeCheckIn(trx, actor, worker.id, { checkInId, answeredOn, answers, burnout });
        const high = showsHighStrain(answers, burnout === undefined ? {} : scoreBurnout(burnout));
        return {
          checkInId,
          answeredOn,
          shared: answers.filter((a) => a.share).length,
          support: high ? { contacts: settings.wellbeingContacts } : null,
        };
      },
    );
  });
}

/** The check-in row, its kept and burnout answers, and the shared ones as observations with one audit event. */
async function storeCheckIn(
  trx: DbOrTrx,
  actor: Actor,
  workerId: string,
  c: { checkInId: string; answeredOn: string; answers: CheckInAnswer[]; burnout: BurnoutAnswers | undefined },
): Promise<void> {
  const { checkInId, answeredOn, answers, burnout } = c;
  await trx
    .insertInto('check_in')
    .values({
      id: checkInId,
      organization_id: actor.organizationId,
      peer_worker_id: workerId,
      author_user_id: actor.userId,
      answered_on: answeredOn,
      created_at: nowIso(),
    })
    .execute();
  const kept = answers
    .filter((a) => !a.share)
    .map((a) => ({
      question: a.indicator as string,
      value: a.value === true ? 1 : a.value === false ? 0 : a.value,
    }));
  if (burnout !== undefined)
    for (const scale of ['personal', 'work'] as const)
      burnout[scale].forEach((r, i) => {
        if (r !== null)
          kept.push({ question: burnoutQuestion(scale, i + 1), value: burnoutResponseValue(r) });
      });
  if (kept.length > 0)
    await trx
      .insertInto('own_check_in_answer')
      .values(
        kept.map((k) => ({
          id: newId(),
          organization_id: actor.organizationId,
          check_in_id: checkInId,
          question: k.question,
          value: k.value,
        })),
      )
      .execute();
  const audit = { action: 'check_in.submit', entityType: 'check_in', entityId: checkInId };
  const shared = answers.filter((a) => a.share);
  if (shared.length > 0)
    await storeObservations(
      trx,
      actor,
      { workerId },
      shared.map((a) => ({
        indicator: a.indicator,
        value: a.value,
        observedAt: answeredOn,
        source: 'self_report' as const,
        sourceRef: checkInId,
      })),
      audit,
    );
  else await recordAudit(trx, actor, { ...audit, details: { observations: [] } });
}
