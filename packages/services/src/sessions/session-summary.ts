/**
 * The one-page summary of a held session (issue 11 item 4, ADR 0036): when, what kind, how long, what
 * the supervisor shared, the observations recorded in it, the open actions and the next planned
 * session. Private notes are never part of it (they are read only through `revealNotes`, audited).
 * Opening it from a session id is the audited record view (`openSessionSummary`); the read behind the
 * page writes nothing.
 */
import type { IndicatorId } from '@peerbridge/domain';
import { z } from 'zod';
import { type OpenedView, openWorkerRecord } from '../access/record-views';
import { loadSupervisedWorker, requireSupervisor, type SupervisedWorker } from '../access/supervised-worker';
import { type ActionItem, openActionItemsOf, toActionItem } from '../actions/action-item';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { notFound, parseServiceInput, ServiceError } from '../errors';
import { idSchema } from '../schemas';
import { openPlanOf, type PlannedSession } from './planned-session';

export const openSessionSummaryInput = z.object({ sessionId: idSchema });
export const sessionSummaryInput = z.object({ workerId: idSchema, sessionId: idSchema });

export interface SessionSummary {
  worker: SupervisedWorker;
  session: {
    id: string;
    heldOn: string;
    kind: string;
    minutes: number | null;
    sharedSummary: string | null;
    nothingToRecord: boolean;
    voided: boolean;
  };
  observations: { id: string; indicator: IndicatorId; value: number; source: string }[];
  openActions: ActionItem[];
  nextSession: PlannedSession | null;
}

/** The PSW a session belongs to, if the actor supervises them; not_found for anything else. */
async function sessionWorker(db: Db, actor: Actor, sessionId: string): Promise<string> {
  requireSupervisor(actor);
  const row = await db
    .selectFrom('supervision_session')
    .select('peer_worker_id')
    .where('id', '=', sessionId)
    .where('organization_id', '=', actor.organizationId)
    .executeTakeFirst();
  if (!row) throw notFound('Session');
  try {
    await loadSupervisedWorker(db, actor, row.peer_worker_id);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'not_found') throw notFound('Session');
    throw error;
  }
  return row.peer_worker_id;
}

/** Opens the PSW's record for a session's summary (the same audited view as the PSW page). */
export async function openSessionSummary(
  db: Db,
  actor: Actor,
  input: z.input<typeof openSessionSummaryInput>,
): Promise<OpenedView & { workerId: string }> {
  const { sessionId } = parseServiceInput(openSessionSummaryInput, input);
  const workerId = await sessionWorker(db, actor, sessionId);
  return { workerId, ...(await openWorkerRecord(db, actor, { workerId })) };
}

export async function sessionSummary(
  db: Db,
  actor: Actor,
  input: z.input<typeof sessionSummaryInput>,
): Promise<SessionSummary> {
  const { workerId, sessionId } = parseServiceInput(sessionSummaryInput, input);
  const worker = await loadSupervisedWorker(db, actor, workerId);
  const org = actor.organizationId;
  const row = await db
    .selectFrom('supervision_session')
    .select(['id', 'held_on', 'kind', 'minutes', 'shared_summary', 'nothing_to_record', 'voided_at'])
    .where('id', '=', sessionId)
    .where('organization_id', '=', org)
    .where('peer_worker_id', '=', worker.id)
    .executeTakeFirst();
  if (!row) throw notFound('Session');
  const [observations, actions, nextSession] = await Promise.all([
    db
      .selectFrom('observation')
      .select(['id', 'indicator', 'value', 'source'])
      .where('organization_id', '=', org)
      .where('session_id', '=', row.id)
      .orderBy('indicator')
      .orderBy('id')
      .execute(),
    openActionItemsOf(db, org, worker.id),
    openPlanOf(db, org, worker.id),
  ]);
  return {
    worker,
    session: {
      id: row.id,
      heldOn: row.held_on,
      kind: row.kind,
      minutes: row.minutes,
      sharedSummary: row.shared_summary,
      nothingToRecord: row.nothing_to_record === 1,
      voided: row.voided_at !== null,
    },
    observations: observations.map((o) => ({ ...o, indicator: o.indicator as IndicatorId })),
    openActions: actions.map(toActionItem),
    nextSession,
  };
}
