/**
 * The next supervision, planned (issue 11 item 4, ADR 0036): schedule, change and cancel it, each audited
 * in the transaction of the change. At most one plan per PSW is open; the session recorded for it
 * resolves it (`resolveOpenPlan`), and it never moves the overdue rule: only held sessions do (ADR 0030).
 */
import { isoDateSchema } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker, requireSupervisor } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { addDays } from '../dates';
import { type Db, type DbOrTrx, newId, nowIso, todayIso } from '../db';
import { conflict, invalidField, notFound, parseServiceInput, ServiceError } from '../errors';
import { idSchema } from '../schemas';
import { sessionKindSchema } from './session-content';

/** How far ahead a session can be planned. */
export const PLAN_AHEAD_DAYS = 366;

export const plannedTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time as HH:MM, 00:00 to 23:59' });

/** What a plan holds: the day, and optionally a time and the kind of session. */
export const sessionPlanSchema = z.object({
  plannedOn: isoDateSchema,
  plannedTime: plannedTimeSchema.nullish(),
  kind: sessionKindSchema.nullish(),
});

export const scheduleSessionInput = sessionPlanSchema.extend({ workerId: idSchema });
export const changePlannedSessionInput = sessionPlanSchema.extend({ planId: idSchema });
export const cancelPlannedSessionInput = z.object({ planId: idSchema });
export const getPlannedSessionInput = z.object({ workerId: idSchema });

export type SessionPlan = z.output<typeof sessionPlanSchema>;

export interface PlannedSession {
  id: string;
  workerId: string;
  plannedOn: string;
  plannedTime: string | null;
  kind: 'individual' | 'group' | 'informal' | null;
  plannedBy: string;
  updatedAt: string;
}

const planColumns = [
  'id',
  'peer_worker_id',
  'planned_on',
  'planned_time',
  'kind',
  'planned_by',
  'updated_at',
] as const;

function toPlannedSession(row: {
  id: string;
  peer_worker_id: string;
  planned_on: string;
  planned_time: string | null;
  kind: string | null;
  planned_by: string;
  updated_at: string;
}): PlannedSession {
  return {
    id: row.id,
    workerId: row.peer_worker_id,
    plannedOn: row.planned_on,
    plannedTime: row.planned_time,
    kind: row.kind as PlannedSession['kind'],
    plannedBy: row.planned_by,
    updatedAt: row.updated_at,
  };
}

/** Refuses a day in the past or more than a year ahead, naming `field`. */
export function checkPlannedOn(plannedOn: string, field = 'plannedOn'): void {
  const today = todayIso();
  if (plannedOn < today) throw invalidField(field, `a date from today (${today}) on`);
  const last = addDays(today, PLAN_AHEAD_DAYS);
  if (plannedOn > last) throw invalidField(field, `a date within a year (on or before ${last})`);
}

/** The open plan of one PSW (neither cancelled nor held), or null. Callers check access first. */
export async function openPlanOf(
  db: DbOrTrx,
  organizationId: string,
  workerId: string,
): Promise<PlannedSession | null> {
  const row = await db
    .selectFrom('planned_session')
    .select(planColumns)
    .where('organization_id', '=', organizationId)
    .where('peer_worker_id', '=', workerId)
    .where('cancelled_at', 'is', null)
    .where('held_session_id', 'is', null)
    .executeTakeFirst();
  return row ? toPlannedSession(row) : null;
}

/** Inserts an open plan and its audit event; the caller has checked access and that none is open. */
export async function insertPlan(
  trx: DbOrTrx,
  actor: Actor,
  workerId: string,
  plan: SessionPlan,
): Promise<PlannedSession> {
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto('planned_session')
    .values({
      id,
      organization_id: actor.organizationId,
      peer_worker_id: workerId,
      planned_on: plan.plannedOn,
      planned_time: plan.plannedTime ?? null,
      kind: plan.kind ?? null,
      planned_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: 'session_plan.create',
    entityType: 'planned_session',
    entityId: id,
    details: { workerId, plannedOn: plan.plannedOn },
  });
  return {
    id,
    workerId,
    plannedOn: plan.plannedOn,
    plannedTime: plan.plannedTime ?? null,
    kind: plan.kind ?? null,
    plannedBy: actor.userId,
    updatedAt: now,
  };
}

/**
 * Called by `recordSession`: a session held on or after the day the open plan was made is the session
 * it planned, so the plan is resolved with it. An older session (recorded late) leaves the plan open.
 */
export async function resolveOpenPlan(
  trx: DbOrTrx,
  actor: Actor,
  workerId: string,
  session: { id: string; heldOn: string },
): Promise<void> {
  const open = await trx
    .selectFrom('planned_session')
    .select(['id', 'created_at'])
    .where('organization_id', '=', actor.organizationId)
    .where('peer_worker_id', '=', workerId)
    .where('cancelled_at', 'is', null)
    .where('held_session_id', 'is', null)
    .executeTakeFirst();
  if (!open || session.heldOn < open.created_at.slice(0, 10)) return;
  await trx
    .updateTable('planned_session')
    .set({ held_session_id: session.id, updated_at: nowIso() })
    .where('id', '=', open.id)
    .execute();
}

/** Closes the open plan as cancelled (also when a new plan replaces it), with its audit event. */
async function cancelPlan(trx: DbOrTrx, actor: Actor, plan: PlannedSession, replaced: boolean) {
  const now = nowIso();
  await trx
    .updateTable('planned_session')
    .set({ cancelled_at: now, cancelled_by: actor.userId, updated_at: now })
    .where('id', '=', plan.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'session_plan.cancel',
    entityType: 'planned_session',
    entityId: plan.id,
    details: { workerId: plan.workerId, plannedOn: plan.plannedOn, ...(replaced ? { replaced } : {}) },
  });
}

/** Replaces the open plan of a PSW (if any) by `plan`: used when a session is recorded with its next one. */
export async function replaceOpenPlan(
  trx: DbOrTrx,
  actor: Actor,
  workerId: string,
  plan: SessionPlan,
): Promise<PlannedSession> {
  const open = await openPlanOf(trx, actor.organizationId, workerId);
  if (open) await cancelPlan(trx, actor, open, true);
  return insertPlan(trx, actor, workerId, plan);
}

/** Plans the next supervision of a PSW the actor supervises; CONFLICT when one is already planned. */
export async function scheduleSession(
  db: Db,
  actor: Actor,
  input: z.input<typeof scheduleSessionInput>,
): Promise<PlannedSession> {
  const { workerId, ...plan } = parseServiceInput(scheduleSessionInput, input);
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, workerId);
    checkPlannedOn(plan.plannedOn);
    const open = await openPlanOf(trx, actor.organizationId, worker.id);
    if (open)
      throw conflict(`The next session is already planned for ${open.plannedOn}: change or cancel that plan`);
    return insertPlan(trx, actor, worker.id, plan);
  });
}

/** An open plan the actor may change: its PSW is one they supervise; anything else is not_found. */
async function loadOpenPlan(trx: DbOrTrx, actor: Actor, planId: string): Promise<PlannedSession> {
  requireSupervisor(actor);
  const row = await trx
    .selectFrom('planned_session')
    .select([...planColumns, 'cancelled_at', 'held_session_id'])
    .where('id', '=', planId)
    .where('organization_id', '=', actor.organizationId)
    .executeTakeFirst();
  if (!row) throw notFound('Planned session');
  try {
    await loadSupervisedWorker(trx, actor, row.peer_worker_id);
  } catch (error) {
    if (error instanceof ServiceError) throw notFound('Planned session');
    throw error;
  }
  if (row.cancelled_at !== null) throw conflict('This planned session was cancelled');
  if (row.held_session_id !== null) throw conflict('This planned session was already held');
  return toPlannedSession(row);
}

/** Moves the open plan to another day, time or kind. */
export async function changePlannedSession(
  db: Db,
  actor: Actor,
  input: z.input<typeof changePlannedSessionInput>,
): Promise<PlannedSession> {
  const { planId, ...plan } = parseServiceInput(changePlannedSessionInput, input);
  return db.transaction().execute(async (trx) => {
    const open = await loadOpenPlan(trx, actor, planId);
    checkPlannedOn(plan.plannedOn);
    const now = nowIso();
    await trx
      .updateTable('planned_session')
      .set({
        planned_on: plan.plannedOn,
        planned_time: plan.plannedTime ?? null,
        kind: plan.kind ?? null,
        updated_at: now,
      })
      .where('id', '=', open.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'session_plan.update',
      entityType: 'planned_session',
      entityId: open.id,
      details: { workerId: open.workerId, from: open.plannedOn, plannedOn: plan.plannedOn },
    });
    return {
      ...open,
      plannedOn: plan.plannedOn,
      plannedTime: plan.plannedTime ?? null,
      kind: plan.kind ?? null,
      updatedAt: now,
    };
  });
}

/** Cancels the open plan; the row stays (who cancelled, when), so nothing planned is lost. */
export async function cancelPlannedSession(
  db: Db,
  actor: Actor,
  input: z.input<typeof cancelPlannedSessionInput>,
): Promise<{ planId: string }> {
  const { planId } = parseServiceInput(cancelPlannedSessionInput, input);
  return db.transaction().execute(async (trx) => {
    const open = await loadOpenPlan(trx, actor, planId);
    await cancelPlan(trx, actor, open, false);
    return { planId: open.id };
  });
}

/** The open plan of a PSW the actor supervises (a read behind the opened record: it writes nothing). */
export async function getPlannedSession(
  db: Db,
  actor: Actor,
  input: z.input<typeof getPlannedSessionInput>,
): Promise<PlannedSession | null> {
  const { workerId } = parseServiceInput(getPlannedSessionInput, input);
  const worker = await loadSupervisedWorker(db, actor, workerId);
  return openPlanOf(db, actor.organizationId, worker.id);
}
