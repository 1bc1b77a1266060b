/**
 * One supervised PSW's assessment at `asOf`: loads observations, sessions and unit, calls the domain's
 * `assess`, and adds the supervisor's answers to the cards and the open action items.
 */
import { type Assessment, defaultRuleset } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker, type SupervisedWorker } from '../access/supervised-worker';
import { type ActionItem, openActionItemsOf, toActionItem } from '../actions/action-item';
import type { Actor } from '../actor';
import { type Db, type DbOrTrx, todayIso } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { assessMemoized } from '../evidence/assess-memo';
import { evidenceStart, loadEvidence } from '../evidence/load-evidence';
import { loadOrganizationSettings } from '../organization/organization-settings';
import { asOfSchema, idSchema } from '../schemas';

export type { ActionItem };

export const getWorkerAssessmentInput = z.object({ workerId: idSchema, asOf: asOfSchema });

/** A supervisor's answer to a card. */
export interface CardResponse {
  id: string;
  cardId: string;
  asOf: string;
  decision: 'accepted' | 'overridden';
  reason: string | null;
  respondedBy: string;
  respondedAt: string;
}

export interface WorkerAssessment {
  worker: SupervisedWorker;
  assessment: Assessment;
  /** Every answer given for this PSW, newest first. */
  cardResponses: CardResponse[];
  /** For each card currently shown, the newest answer to it within the assessment window, if any. */
  answeredCards: Record<string, CardResponse>;
  openActions: ActionItem[];
}

/** Runs `assess` for one PSW the actor supervises (shared by assessment and card answers). */
export async function assessSupervisedWorker(
  db: DbOrTrx,
  worker: SupervisedWorker,
  asOf: string,
): Promise<Assessment> {
  const org = await loadOrganizationSettings(db, worker.organizationId);
  const ruleset = defaultRuleset;
  const evidence = await loadEvidence(db, {
    organizationId: worker.organizationId,
    workers: [{ id: worker.id, unitId: worker.unit.id }],
    from: evidenceStart(asOf, ruleset.windowDays),
    to: asOf,
  });
  const ev = evidence.get(worker.id) ?? { observations: [], sessions: [] };
  return assessMemoized({
    asOf,
    worker: { id: worker.id, startedOn: worker.startedOn, unitId: worker.unit.id },
    unit: { id: worker.unit.id, setting: worker.unit.setting },
    observations: ev.observations,
    sessions: ev.sessions,
    ruleset,
    cadenceDays: org.supervisionCadenceDays,
  });
}

export async function getWorkerAssessment(
  db: Db,
  actor: Actor,
  input: z.input<typeof getWorkerAssessmentInput>,
): Promise<WorkerAssessment> {
  const { workerId, asOf = todayIso() } = parseServiceInput(getWorkerAssessmentInput, input);
  const worker = await loadSupervisedWorker(db, actor, workerId);
  if (asOf < worker.startedOn)
    throw invalidField('asOf', `a date on or after the PSW started (${worker.startedOn})`);
  const [assessment, responses, actions] = await Promise.all([
    assessSupervisedWorker(db, worker, asOf),
    db
      .selectFrom('card_response')
      .select(['id', 'card_id', 'as_of', 'decision', 'reason', 'responded_by', 'responded_at'])
      .where('organization_id', '=', actor.organizationId)
      .where('peer_worker_id', '=', worker.id)
      .orderBy('responded_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute(),
    openActionItemsOf(db, actor.organizationId, worker.id),
  ]);
  const cardResponses = responses.map(
    (r): CardResponse => ({
      id: r.id,
      cardId: r.card_id,
      asOf: r.as_of,
      decision: r.decision === 'overridden' ? 'overridden' : 'accepted',
      reason: r.reason,
      respondedBy: r.responded_by,
      respondedAt: r.responded_at,
    }),
  );
  const answeredCards: Record<string, CardResponse> = {};
  const shown = new Set<string>(assessment.cards.map((c) => c.id));
  for (const r of cardResponses) {
    // Newest first, so the first answer seen per card wins; answers from before this window are stale.
    if (
      shown.has(r.cardId) &&
      r.asOf > assessment.window.from &&
      r.asOf <= asOf &&
      !answeredCards[r.cardId]
    ) {
      answeredCards[r.cardId] = r;
    }
  }
  return { worker, assessment, cardResponses, answeredCards, openActions: actions.map(toActionItem) };
}
