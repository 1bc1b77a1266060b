/**
 * Reveals the private notes of some of a supervised PSW's sessions, when the supervisor opens them: a
 * POST that writes one `session_notes.read` event naming exactly the sessions revealed (ADR 0009).
 */
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { notFound, parseServiceInput } from '../errors';
import { idSchema } from '../schemas';

export const revealNotesInput = z.object({
  workerId: idSchema,
  sessionIds: z
    .array(idSchema)
    .min(1, { message: 'expected 1 to 200 session ids' })
    .max(200, { message: 'expected 1 to 200 session ids' }),
});

export interface RevealedNotes {
  /** One entry per session asked for, in the order asked; null when the session has no notes. */
  notes: { sessionId: string; privateNotes: string | null }[];
}

export async function revealNotes(
  db: Db,
  actor: Actor,
  input: z.input<typeof revealNotesInput>,
): Promise<RevealedNotes> {
  const { workerId, sessionIds } = parseServiceInput(revealNotesInput, input);
  const wanted = [...new Set(sessionIds)];
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, workerId);
    const rows = await trx
      .selectFrom('supervision_session')
      .select(['id', 'private_notes'])
      .where('organization_id', '=', actor.organizationId)
      .where('peer_worker_id', '=', worker.id)
      .where('id', 'in', wanted)
      .execute();
    // A session of another PSW or none at all: the same not-found, and nothing revealed.
    if (rows.length !== wanted.length) throw notFound('Supervision session');
    await recordAudit(trx, actor, {
      action: 'session_notes.read',
      entityType: 'peer_worker',
      entityId: worker.id,
      details: { sessions: wanted },
      changesData: false,
    });
    const byId = new Map(rows.map((r) => [r.id, r.private_notes]));
    return { notes: wanted.map((id) => ({ sessionId: id, privateNotes: byId.get(id) ?? null })) };
  });
}
