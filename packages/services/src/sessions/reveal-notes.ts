/**
 * Reveals the private notes of some of a supervised PSW's sessions, and of replaced versions of them
 * (revisions, ADR 0010), when the supervisor opens them: a POST that writes one `session_notes.read`
 * event naming exactly the sessions and revisions revealed (ADR 0009).
 */
import type { StoredSessionContent } from '@peerbridge/db';
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { notFound, parseServiceInput } from '../errors';
import { idSchema } from '../schemas';

const ids = (what: string) =>
  z
    .array(idSchema)
    .max(200, { message: `expected at most 200 ${what} ids` })
    .default([]);

export const revealNotesInput = z
  .object({ workerId: idSchema, sessionIds: ids('session'), revisionIds: ids('revision') })
  .superRefine((v, ctx) => {
    if (v.sessionIds.length + v.revisionIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['sessionIds'], message: 'expected 1 to 200 session ids' });
    }
  });

export interface RevealedNotes {
  /** One entry per session asked for, in the order asked; null when the session has no notes. */
  notes: { sessionId: string; privateNotes: string | null }[];
  /** One entry per revision asked for: the notes of the content that revision replaced. */
  revisionNotes: { revisionId: string; sessionId: string; privateNotes: string | null }[];
}

export async function revealNotes(
  db: Db,
  actor: Actor,
  input: z.input<typeof revealNotesInput>,
): Promise<RevealedNotes> {
  const { workerId, sessionIds, revisionIds } = parseServiceInput(revealNotesInput, input);
  const wanted = [...new Set(sessionIds)];
  const wantedRevisions = [...new Set(revisionIds)];
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, workerId);
    const rows =
      wanted.length === 0
        ? []
        : await trx
            .selectFrom('supervision_session')
            .select(['id', 'private_notes'])
            .where('organization_id', '=', actor.organizationId)
            .where('peer_worker_id', '=', worker.id)
            .where('id', 'in', wanted)
            .execute();
    const revisionRows =
      wantedRevisions.length === 0
        ? []
        : await trx
            .selectFrom('supervision_session_revision as r')
            .innerJoin('supervision_session as s', 's.id', 'r.session_id')
            .select(['r.id', 'r.session_id', 'r.previous'])
            .where('r.organization_id', '=', actor.organizationId)
            .where('s.organization_id', '=', actor.organizationId)
            .where('s.peer_worker_id', '=', worker.id)
            .where('r.id', 'in', wantedRevisions)
            .execute();
    // A session or revision of another PSW or none at all: the same not-found, and nothing revealed.
    if (rows.length !== wanted.length || revisionRows.length !== wantedRevisions.length) {
      throw notFound('Supervision session');
    }
    await recordAudit(trx, actor, {
      action: 'session_notes.read',
      entityType: 'peer_worker',
      entityId: worker.id,
      details:
        wantedRevisions.length === 0
          ? { sessions: wanted }
          : { sessions: wanted, revisions: wantedRevisions },
      changesData: false,
    });
    const byId = new Map(rows.map((r) => [r.id, r.private_notes]));
    const byRevision = new Map(revisionRows.map((r) => [r.id, r]));
    return {
      notes: wanted.map((id) => ({ sessionId: id, privateNotes: byId.get(id) ?? null })),
      revisionNotes: wantedRevisions.map((id) => {
        const r = byRevision.get(id);
        const previous = r ? (JSON.parse(r.previous) as StoredSessionContent) : null;
        return {
          revisionId: id,
          sessionId: r?.session_id ?? '',
          privateNotes: previous?.private_notes ?? null,
        };
      }),
    };
  });
}
