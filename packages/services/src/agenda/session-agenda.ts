/**
 * The agenda of a PSW's next supervision (issue 11 item 4, ADR 0036): the open and overdue actions,
 * the indicators whose value changed since the last session, the catalog questions for what is unknown
 * (as the explanation names them), and the self-report observations recorded since the last session
 * (a unit condition among them with whether the supervisor confirmed it for the unit, ADR 0041).
 * A read behind the opened record (ADR 0009): authorised like the record, it writes nothing.
 */
import type { IndicatorId, NextQuestion } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker, type SupervisedWorker } from '../access/supervised-worker';
import { type ActionItem, openActionItemsOf, toActionItem } from '../actions/action-item';
import type { Actor } from '../actor';
import { type Db, todayIso } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { asOfSchema, idSchema } from '../schemas';
import { openPlanOf, type PlannedSession } from '../sessions/planned-session';
import { assessSupervisedWorker } from '../workers/get-worker-assessment';
import { isConfirmableForUnit, unitConfirmationsOf } from './confirm-unit-condition';

export const sessionAgendaInput = z.object({ workerId: idSchema, asOf: asOfSchema });

/** How many self-reports and changes the agenda lists at most (newest first). */
export const AGENDA_LIST_MAX = 100;

/** One indicator whose newest value since the last session differs from the value before it. */
export interface ChangedIndicator {
  indicator: IndicatorId;
  /** The newest value on or before the last session; null when it was not recorded before. */
  before: number | null;
  now: number;
  observedOn: string;
  source: string;
}

/** A self-report the PSW shared (their check-in), since the last session. */
export interface SelfReportObservation {
  id: string;
  indicator: IndicatorId;
  value: number;
  observedOn: string;
  note: string | null;
  /**
   * For a unit condition (desk, team meetings, client information): whether the supervisor has
   * confirmed it for the unit (`confirmUnitCondition`); null for any other self-report.
   */
  confirmedForUnit: boolean | null;
}

export interface SessionAgenda {
  worker: SupervisedWorker;
  asOf: string;
  /** The planned session the agenda is for, or null when none is planned. */
  plan: PlannedSession | null;
  /** The newest session held (not voided) on or before `asOf`. */
  lastSessionOn: string | null;
  /** What counts as "since the last session": observations after this day. */
  since: string;
  /** Open actions, the overdue first (due earliest). */
  actions: ActionItem[];
  changed: ChangedIndicator[];
  /** The catalog questions for unknown indicators, once each, in the order the explanation asks them. */
  questions: NextQuestion[];
  selfReports: SelfReportObservation[];
}

export async function sessionAgenda(
  db: Db,
  actor: Actor,
  input: z.input<typeof sessionAgendaInput>,
): Promise<SessionAgenda> {
  const { workerId, asOf = todayIso() } = parseServiceInput(sessionAgendaInput, input);
  const worker = await loadSupervisedWorker(db, actor, workerId);
  if (asOf < worker.startedOn)
    throw invalidField('asOf', `a date on or after the PSW started (${worker.startedOn})`);
  const org = actor.organizationId;
  const [plan, last, assessment, actionRows] = await Promise.all([
    openPlanOf(db, org, worker.id),
    db
      .selectFrom('supervision_session')
      .select('held_on')
      .where('organization_id', '=', org)
      .where('peer_worker_id', '=', worker.id)
      .where('voided_at', 'is', null)
      .where('held_on', '<=', asOf)
      .orderBy('held_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
    assessSupervisedWorker(db, worker, asOf),
    openActionItemsOf(db, org, worker.id),
  ]);
  const lastSessionOn = last?.held_on ?? null;
  // Without a session yet, "since" is the start of the assessment window.
  const since = lastSessionOn ?? assessment.window.from;
  const observations = await db
    .selectFrom('observation')
    .select(['id', 'indicator', 'value', 'observed_at', 'source', 'source_ref', 'note'])
    .where('organization_id', '=', org)
    .where('peer_worker_id', '=', worker.id)
    // From the window's start, or the last session's day if earlier, so "before" has its values.
    .where('observed_at', '>', [assessment.window.from, since].sort()[0] ?? since)
    .where('observed_at', '<=', asOf)
    .orderBy('observed_at')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

  const before = new Map<string, number>();
  const after = new Map<string, { value: number; observedOn: string; source: string }>();
  const selfReports: SelfReportObservation[] = [];
  for (const o of observations) {
    if (o.observed_at <= since) before.set(o.indicator, o.value);
    else {
      after.set(o.indicator, { value: o.value, observedOn: o.observed_at, source: o.source });
      if (o.source === 'self_report')
        selfReports.push({
          id: o.id,
          indicator: o.indicator as IndicatorId,
          value: o.value,
          observedOn: o.observed_at,
          note: o.note,
          confirmedForUnit: isConfirmableForUnit(o) ? false : null,
        });
    }
  }
  const changed: ChangedIndicator[] = [];
  for (const [indicator, now] of after) {
    const was = before.get(indicator) ?? null;
    if (was !== now.value)
      changed.push({
        indicator: indicator as IndicatorId,
        before: was,
        now: now.value,
        observedOn: now.observedOn,
        source: now.source,
      });
  }
  changed.sort((a, b) =>
    a.observedOn !== b.observedOn
      ? a.observedOn < b.observedOn
        ? 1
        : -1
      : a.indicator < b.indicator
        ? -1
        : 1,
  );
  selfReports.reverse();
  const shown = selfReports.slice(0, AGENDA_LIST_MAX);
  const confirmed = await unitConfirmationsOf(
    db,
    org,
    worker.unit.id,
    shown.filter((s) => s.confirmedForUnit !== null).map((s) => s.id),
  );
  for (const s of shown) if (s.confirmedForUnit !== null) s.confirmedForUnit = confirmed.has(s.id);

  const questions: NextQuestion[] = [];
  const asked = new Set<string>();
  const ask = (list: readonly NextQuestion[]) => {
    for (const q of list) {
      if (asked.has(q.indicator)) continue;
      asked.add(q.indicator);
      questions.push(q);
    }
  };
  for (const c of Object.values(assessment.explanation.conflicts)) ask(c.questions);
  for (const r of assessment.explanation.roles) ask(r.questions);

  return {
    worker,
    asOf,
    plan,
    lastSessionOn,
    since,
    actions: actionRows.map(toActionItem),
    changed: changed.slice(0, AGENDA_LIST_MAX),
    questions,
    selfReports: shown,
  };
}
