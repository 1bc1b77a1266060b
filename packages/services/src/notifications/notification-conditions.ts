/**
 * Writes the notification rows (ADR 0037): one row when a condition starts, marked resolved when it
 * ends. "Supervision due" (the one cadence rule, domain `supervisionStatus`, as the caseload) and
 * "action overdue" start with the passing of a day, so `sweepNotifications` finds them (the api runs it
 * at start and hourly); "conflict turned severe" starts when a stored assessment moves a conflict to
 * severe, so `recordSevereTransitions` runs inside `writeStoredAssessments`, in the change's own
 * transaction. Every insert ignores a row whose `condition_key` exists, so two writers never add one
 * condition twice.
 */

import type { NotificationKind } from '@peerbridge/db';
import { type ConflictId, conflictIds, supervisionStatus } from '@peerbridge/domain';
import { addDays } from '../dates';
import { type Db, type DbOrTrx, newId, nowIso, todayIso } from '../db';
import type { AssessmentSummary } from '../workers/worker-summary';

/** One condition that holds: what it is about and the first day it held. */
export interface NotificationCondition {
  kind: NotificationKind;
  workerId: string;
  actionId: string | null;
  conflictId: ConflictId | null;
  sinceOn: string;
}

export const conditionKey = (c: NotificationCondition): string =>
  [c.kind, c.workerId, c.actionId ?? '', c.conflictId ?? '', c.sinceOn].join(':');

const INSERT_CHUNK = 200;

/** Inserts the conditions not stored yet (a duplicate key is ignored); returns how many it added. */
export async function insertConditions(
  trx: DbOrTrx,
  organizationId: string,
  conditions: readonly NotificationCondition[],
): Promise<number> {
  let added = 0;
  const createdAt = nowIso();
  for (let i = 0; i < conditions.length; i += INSERT_CHUNK) {
    const values = conditions.slice(i, i + INSERT_CHUNK).map((c) => ({
      id: newId(),
      organization_id: organizationId,
      kind: c.kind,
      peer_worker_id: c.workerId,
      action_item_id: c.actionId,
      conflict_id: c.conflictId,
      since_on: c.sinceOn,
      resolved_on: null,
      condition_key: conditionKey(c),
      created_at: createdAt,
    }));
    const result = await trx
      .insertInto('notification')
      .values(values)
      .onConflict((oc) => oc.column('condition_key').doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** The day-driven conditions of one organisation at `asOf`: supervision due and open actions past their due date. */
export async function dayConditions(
  db: DbOrTrx,
  organizationId: string,
  asOf: string,
): Promise<NotificationCondition[]> {
  const org = await db
    .selectFrom('organization')
    .select('supervision_cadence_days')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  const cadenceDays = Number(org.supervision_cadence_days);
  const workers = await db
    .selectFrom('peer_worker as w')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('supervision_session')
          .select(['peer_worker_id', (s) => s.fn.max<string>('held_on').as('last_on')])
          .where('organization_id', '=', organizationId)
          .where('voided_at', 'is', null)
          .where('held_on', '<=', asOf)
          .groupBy('peer_worker_id')
          .as('s'),
      (j) => j.onRef('s.peer_worker_id', '=', 'w.id'),
    )
    .select(['w.id', 'w.started_on', 's.last_on'])
    .where('w.organization_id', '=', organizationId)
    .where('w.status', '<>', 'left')
    .where('w.started_on', '<=', asOf)
    .orderBy('w.id')
    .execute();
  const conditions: NotificationCondition[] = [];
  for (const w of workers) {
    const status = supervisionStatus({
      asOf,
      startedOn: w.started_on,
      lastSessionOn: w.last_on ?? null,
      cadenceDays,
    });
    if (status.state !== 'ok')
      conditions.push({
        kind: 'supervision_due',
        workerId: w.id,
        actionId: null,
        conflictId: null,
        sinceOn: status.dueOn,
      });
  }
  const actions = await db
    .selectFrom('action_item as i')
    .innerJoin('peer_worker as w', 'w.id', 'i.peer_worker_id')
    .select(['i.id', 'i.peer_worker_id', 'i.due_on'])
    .where('i.organization_id', '=', organizationId)
    .where('i.status', '=', 'open')
    .where('w.status', '<>', 'left')
    .where('i.due_on', '<', asOf)
    .orderBy('i.id')
    .execute();
  for (const a of actions)
    if (a.due_on !== null)
      conditions.push({
        kind: 'action_overdue',
        workerId: a.peer_worker_id,
        actionId: a.id,
        conflictId: null,
        sinceOn: addDays(a.due_on, 1),
      });
  return conditions;
}

export interface NotificationSweep {
  asOf: string;
  added: number;
  resolved: number;
}

/**
 * Adds the day-driven conditions that started by `asOf` and resolves those that ended (a session was
 * recorded, the action was closed or its date moved). One transaction per organisation; safe to run in
 * several processes at once.
 */
export async function sweepNotifications(db: Db, asOf: string = todayIso()): Promise<NotificationSweep> {
  const organizations = await db.selectFrom('organization').select('id').orderBy('id').execute();
  let added = 0;
  let resolved = 0;
  for (const org of organizations) {
    await db.transaction().execute(async (trx) => {
      const conditions = await dayConditions(trx, org.id, asOf);
      added += await insertConditions(trx, org.id, conditions);
      const holding = new Set(conditions.map(conditionKey));
      const open = await trx
        .selectFrom('notification')
        .select(['id', 'condition_key'])
        .where('organization_id', '=', org.id)
        .where('kind', 'in', ['supervision_due', 'action_overdue'])
        .where('resolved_on', 'is', null)
        .execute();
      const ended = open.filter((n) => !holding.has(n.condition_key)).map((n) => n.id);
      for (let i = 0; i < ended.length; i += INSERT_CHUNK) {
        const result = await trx
          .updateTable('notification')
          .set({ resolved_on: asOf })
          .where('id', 'in', ended.slice(i, i + INSERT_CHUNK))
          .where('resolved_on', 'is', null)
          .executeTakeFirst();
        resolved += Number(result.numUpdatedRows);
      }
    });
  }
  return { asOf, added, resolved };
}

const isSevere = (summary: AssessmentSummary | null | undefined, id: ConflictId) =>
  summary?.conflicts[id]?.level === 'severe';

/**
 * Called where the stored assessments are rewritten, in the same transaction: a conflict that was not
 * severe in a PSW's previous stored row (or that had no row) and is severe now starts a
 * `conflict_severe` notification; one that is no longer severe resolves it.
 */
export async function recordSevereTransitions(
  trx: DbOrTrx,
  organizationId: string,
  changes: ReadonlyArray<{
    workerId: string;
    before: AssessmentSummary | null;
    after: AssessmentSummary | null;
  }>,
  asOf: string,
): Promise<void> {
  const started: NotificationCondition[] = [];
  const endedWorkers = new Map<ConflictId, string[]>();
  for (const c of changes) {
    for (const id of conflictIds) {
      const was = isSevere(c.before, id);
      const now = isSevere(c.after, id);
      if (now && !was)
        started.push({
          kind: 'conflict_severe',
          workerId: c.workerId,
          actionId: null,
          conflictId: id,
          sinceOn: asOf,
        });
      else if (was && !now && c.after !== null) {
        const list = endedWorkers.get(id) ?? [];
        list.push(c.workerId);
        endedWorkers.set(id, list);
      }
    }
  }
  if (started.length > 0) await insertConditions(trx, organizationId, started);
  for (const [conflictId, workerIds] of endedWorkers)
    await trx
      .updateTable('notification')
      .set({ resolved_on: asOf })
      .where('organization_id', '=', organizationId)
      .where('kind', '=', 'conflict_severe')
      .where('conflict_id', '=', conflictId)
      .where('peer_worker_id', 'in', workerIds)
      .where('resolved_on', 'is', null)
      .execute();
}
