/**
 * The PSW's own check-ins for their record and trend (ADR 0039): each check-in with every answer,
 * shared (read back from its `self_report` observation) or kept (from `own_check_in_answer`), and the
 * burnout scale scores of that sitting. Only the own record calls this, with the caller's own PSW:
 * `listOwnCheckIns` finds the PSW from the caller alone and audits each page it reads.
 */
import {
  type BurnoutResponse,
  burnoutScales,
  type CheckInIndicatorId,
  checkInIndicatorIds,
  getIndicator,
  isCheckInIndicatorId,
  scoreBurnout,
} from '@peerbridge/domain';
import { z } from 'zod';
import { loadOwnWorker } from '../access/own-worker';
import type { SupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTrx } from '../db';
import { parseServiceInput } from '../errors';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { burnoutResponseOf, parseBurnoutQuestion } from './own-answer-codes';

export interface OwnCheckInAnswer {
  indicator: CheckInIndicatorId;
  value: number | boolean;
  /** True when the PSW shared it with their supervisor. */
  shared: boolean;
}

export interface OwnCheckIn {
  id: string;
  answeredOn: string;
  /** In the check-in's question order. */
  answers: OwnCheckInAnswer[];
  /** Scale scores 0..100 (null: too few items answered); null when no burnout item was answered. */
  burnout: { personal: number | null; work: number | null } | null;
}

const position = new Map<string, number>(checkInIndicatorIds.map((id, i) => [id, i]));

const toValue = (indicator: CheckInIndicatorId, stored: number): number | boolean =>
  getIndicator(indicator).kind === 'bool' ? stored === 1 : stored;

/** Check-ins per page: 20 by default, at most 100. */
export const listOwnCheckInsInput = z.object({ ...pageFields(20, 100) }).optional();

/** One page of the caller's own check-ins, newest first; one `own_check_ins.view` event per page. */
export async function listOwnCheckIns(
  db: Db,
  actor: Actor,
  input?: z.input<typeof listOwnCheckInsInput>,
): Promise<Page<OwnCheckIn>> {
  const { cursor, limit } = parseServiceInput(listOwnCheckInsInput, input) ?? { limit: 20 };
  const after = cursor ? decodeCursor(cursor, ['string', 'string', 'string'] as const) : null;
  const worker = await loadOwnWorker(db, actor);
  let query = db
    .selectFrom('check_in')
    .select(['id', 'answered_on', 'created_at'])
    .where('organization_id', '=', worker.organizationId)
    .where('peer_worker_id', '=', worker.id);
  if (after) {
    const [answeredOn, createdAt, id] = after;
    query = query.where((eb) =>
      eb(eb.refTuple('answered_on', 'created_at', 'id'), '<', eb.tuple(answeredOn, createdAt, id)),
    );
  }
  const rows = await query
    .orderBy('answered_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const shown = await withAnswers(db, worker, rows.slice(0, limit));
  const byId = new Map(shown.map((c) => [c.id, c]));
  await recordAudit(db, actor, {
    action: 'own_check_ins.view',
    entityType: 'peer_worker',
    entityId: worker.id,
    details: { checkIns: shown.map((c) => c.id) },
    changesData: false,
  });
  return toPage(
    rows,
    limit,
    (r) => [r.answered_on, r.created_at, r.id],
    (r) => byId.get(r.id) as OwnCheckIn,
  );
}

/** The worker's check-ins, newest first (all of them, for the own record's download and trend). */
export async function readOwnCheckIns(db: DbOrTrx, worker: SupervisedWorker): Promise<OwnCheckIn[]> {
  const checkIns = await db
    .selectFrom('check_in')
    .select(['id', 'answered_on'])
    .where('organization_id', '=', worker.organizationId)
    .where('peer_worker_id', '=', worker.id)
    .orderBy('answered_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return withAnswers(db, worker, checkIns);
}

/** The given check-ins of the worker with their answers and burnout scores, in the given order. */
async function withAnswers(
  db: DbOrTrx,
  worker: SupervisedWorker,
  checkIns: ReadonlyArray<{ id: string; answered_on: string }>,
): Promise<OwnCheckIn[]> {
  if (checkIns.length === 0) return [];
  const ids = checkIns.map((c) => c.id);
  const [kept, shared] = await Promise.all([
    db
      .selectFrom('own_check_in_answer')
      .select(['check_in_id', 'question', 'value'])
      .where('organization_id', '=', worker.organizationId)
      .where('check_in_id', 'in', ids)
      .execute(),
    db
      .selectFrom('observation')
      .select(['source_ref', 'indicator', 'value'])
      .where('organization_id', '=', worker.organizationId)
      .where('peer_worker_id', '=', worker.id)
      .where('source', '=', 'self_report')
      .where('source_ref', 'in', ids)
      .execute(),
  ]);
  const byCheckIn = new Map(
    ids.map((id) => [
      id,
      {
        answers: [] as OwnCheckInAnswer[],
        personal: Array<BurnoutResponse | null>(burnoutScales.personal.items).fill(null),
        work: Array<BurnoutResponse | null>(burnoutScales.work.items).fill(null),
        anyBurnout: false,
      },
    ]),
  );
  for (const o of shared) {
    const entry = o.source_ref === null ? undefined : byCheckIn.get(o.source_ref);
    if (entry && isCheckInIndicatorId(o.indicator))
      entry.answers.push({ indicator: o.indicator, value: toValue(o.indicator, o.value), shared: true });
  }
  for (const k of kept) {
    const entry = byCheckIn.get(k.check_in_id);
    if (!entry) continue;
    const burnout = parseBurnoutQuestion(k.question);
    const response = burnoutResponseOf(k.value);
    if (burnout && response && burnout.item <= burnoutScales[burnout.scale].items) {
      entry[burnout.scale][burnout.item - 1] = response;
      entry.anyBurnout = true;
    } else if (isCheckInIndicatorId(k.question))
      entry.answers.push({ indicator: k.question, value: toValue(k.question, k.value), shared: false });
  }
  const order = (id: CheckInIndicatorId) => position.get(id) ?? 0;
  return checkIns.map((c) => {
    const entry = byCheckIn.get(c.id);
    const answers = (entry?.answers ?? []).sort((a, b) => order(a.indicator) - order(b.indicator));
    return {
      id: c.id,
      answeredOn: c.answered_on,
      answers,
      burnout: entry?.anyBurnout ? scoreBurnout({ personal: entry.personal, work: entry.work }) : null,
    };
  });
}
