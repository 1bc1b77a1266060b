/**
 * Audited reads (ADR 0009): opening a PSW's record, or one's caseload, is one audit event written by an
 * explicit POST; the reads behind the page (assessment, history, observations, sessions, caseload) write
 * nothing, and the api answers them only while such a view is open. One page view is one event, a GET
 * never writes, and no read of supervision data goes unrecorded.
 */
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTrx } from '../db';
import { parseServiceInput } from '../errors';
import { idSchema } from '../schemas';
import { loadSupervisedWorker, requireSupervisor } from './supervised-worker';

/** How long an opened record may be read without opening it again. */
export const RECORD_VIEW_MINUTES = 30;

export const RECORD_VIEW_ACTIONS = { worker: 'worker_record.view', caseload: 'caseload.view' } as const;

/** What a view opens: one PSW's record, or the actor's own caseload. */
export type ViewTarget = { kind: 'worker'; workerId: string } | { kind: 'caseload' };

export const openWorkerRecordInput = z.object({ workerId: idSchema });

export interface OpenedView {
  /** When the view was recorded, and until when reads are answered without opening it again (ISO 8601). */
  viewedAt: string;
  validUntil: string;
}

function entityOf(actor: Actor, target: ViewTarget) {
  return target.kind === 'worker'
    ? { action: RECORD_VIEW_ACTIONS.worker, entityType: 'peer_worker', entityId: target.workerId }
    : { action: RECORD_VIEW_ACTIONS.caseload, entityType: 'caseload', entityId: actor.userId };
}

async function recordView(db: Db, actor: Actor, target: ViewTarget): Promise<OpenedView> {
  const viewedAt = new Date();
  await recordAudit(db, actor, { ...entityOf(actor, target), changesData: false });
  return {
    viewedAt: viewedAt.toISOString(),
    validUntil: new Date(viewedAt.getTime() + RECORD_VIEW_MINUTES * 60_000).toISOString(),
  };
}

/** Records that the supervisor opened a PSW's record ("viewed PSW record"); not_found as for any read. */
export async function openWorkerRecord(
  db: Db,
  actor: Actor,
  input: z.input<typeof openWorkerRecordInput>,
): Promise<OpenedView> {
  const { workerId } = parseServiceInput(openWorkerRecordInput, input);
  const worker = await loadSupervisedWorker(db, actor, workerId);
  return recordView(db, actor, { kind: 'worker', workerId: worker.id });
}

/** Records that the supervisor opened their caseload. */
export async function openCaseload(db: Db, actor: Actor): Promise<OpenedView> {
  requireSupervisor(actor);
  return recordView(db, actor, { kind: 'caseload' });
}

/**
 * Whether the actor may read the target now: they are allowed to at all (not_found / forbidden exactly as
 * the read itself would answer) and they opened it within the last RECORD_VIEW_MINUTES.
 */
export async function hasOpenView(db: DbOrTrx, actor: Actor, target: ViewTarget, now = new Date()) {
  if (target.kind === 'worker') await loadSupervisedWorker(db, actor, target.workerId);
  else requireSupervisor(actor);
  const { action, entityType, entityId } = entityOf(actor, target);
  const since = new Date(now.getTime() - RECORD_VIEW_MINUTES * 60_000).toISOString();
  const row = await db
    .selectFrom('audit_event')
    .select('id')
    .where('actor_user_id', '=', actor.userId)
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .where('entity_type', '=', entityType)
    .where('organization_id', '=', actor.organizationId)
    .where('at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
