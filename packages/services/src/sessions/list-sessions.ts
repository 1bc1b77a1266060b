/** A supervised PSW's sessions, with the private notes; reading the notes is an audit event. */
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';
import { idSchema } from '../schemas';

export const listSessionsInput = z.object({
  workerId: idSchema,
  limit: z.number().int().min(1).max(200, { message: 'expected at most 200' }).default(50),
});

export interface SupervisionSession {
  id: string;
  heldOn: string;
  kind: string;
  minutes: number | null;
  privateNotes: string | null;
  supervisorUserId: string;
  observationCount: number;
}

export async function listSessions(
  db: Db,
  actor: Actor,
  input: z.input<typeof listSessionsInput>,
): Promise<SupervisionSession[]> {
  const { workerId, limit } = parseServiceInput(listSessionsInput, input);
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, workerId);
    const rows = await trx
      .selectFrom('supervision_session as s')
      .leftJoin('observation as o', 'o.session_id', 's.id')
      .select([
        's.id',
        's.held_on',
        's.kind',
        's.minutes',
        's.private_notes',
        's.supervisor_user_id',
        (eb) => eb.fn.count<number>('o.id').as('observation_count'),
      ])
      .where('s.organization_id', '=', actor.organizationId)
      .where('s.peer_worker_id', '=', worker.id)
      .groupBy(['s.id', 's.held_on', 's.kind', 's.minutes', 's.private_notes', 's.supervisor_user_id'])
      .orderBy('s.held_on', 'desc')
      .orderBy('s.id', 'desc')
      .limit(limit)
      .execute();
    await recordAudit(trx, actor, {
      action: 'session_notes.read',
      entityType: 'peer_worker',
      entityId: worker.id,
      details: { sessions: rows.map((r) => r.id) },
    });
    return rows.map((r) => ({
      id: r.id,
      heldOn: r.held_on,
      kind: r.kind,
      minutes: r.minutes,
      privateNotes: r.private_notes,
      supervisorUserId: r.supervisor_user_id,
      observationCount: Number(r.observation_count),
    }));
  });
}
