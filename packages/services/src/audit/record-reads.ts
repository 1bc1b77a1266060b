/**
 * "Who has seen this PSW's record" (issue 9), for admins: every read of one PSW's record, newest first,
 * with who (the name and roles stored with the event) and when. A read is an opened record
 * (`worker_record.view`, which is what the assessment, observations and history reads need, ADR 0009),
 * revealed session notes (`session_notes.read`) and an audit export filtered to the PSW (`audit.export`).
 * Study exports are pseudonymised and name no PSW, so they are not reads of one record.
 */
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import type { DbOrTrx } from '../db';
import { notFound, parseServiceInput } from '../errors';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { idSchema } from '../schemas';
import { actionLabelKey } from './audit-log';

export const RECORD_READ_ACTIONS = ['worker_record.view', 'session_notes.read', 'audit.export'] as const;

export const listRecordReadsInput = z.object({ workerId: idSchema, ...pageFields(50, 200) });

export interface RecordRead {
  id: string;
  seq: number;
  at: string;
  action: (typeof RECORD_READ_ACTIONS)[number];
  labelKey: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRoles: string[];
}

export interface RecordReads extends Page<RecordRead> {
  worker: { id: string; name: string };
}

export async function listRecordReads(
  db: DbOrTrx,
  actor: Actor,
  input: z.input<typeof listRecordReadsInput>,
): Promise<RecordReads> {
  requireRole(actor, 'admin');
  const parsed = parseServiceInput(listRecordReadsInput, input);
  const worker = await db
    .selectFrom('peer_worker')
    .select(['id', 'display_name'])
    .where('organization_id', '=', actor.organizationId)
    .where('id', '=', parsed.workerId)
    .executeTakeFirst();
  // Another organisation's PSW reads exactly like one that does not exist.
  if (!worker) throw notFound('Peer support worker');
  let q = db
    .selectFrom('audit_event')
    .select(['id', 'seq', 'at', 'action', 'actor_user_id', 'actor_name', 'actor_roles'])
    .where('chain', '=', actor.organizationId)
    .where('entity_type', '=', 'peer_worker')
    .where('entity_id', '=', worker.id)
    .where('action', 'in', [...RECORD_READ_ACTIONS]);
  if (parsed.cursor) {
    const [seq] = decodeCursor(parsed.cursor, ['number'] as const);
    q = q.where('seq', '<', seq);
  }
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(parsed.limit + 1)
    .execute();
  const page = toPage(
    rows,
    parsed.limit,
    (r) => [Number(r.seq)],
    (r) => ({
      id: r.id,
      seq: Number(r.seq),
      at: r.at,
      action: r.action as RecordRead['action'],
      labelKey: actionLabelKey(r.action),
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      actorRoles: r.actor_roles ? r.actor_roles.split(',') : [],
    }),
  );
  return { ...page, worker: { id: worker.id, name: worker.display_name } };
}
