/**
 * A PSW's comment on the summary of one of their own sessions (issue 12, ADR 0031), and the comments
 * as a session list needs them. Comments are kept whole and never edited; the audit event names the
 * session and the comment, never the text.
 */
import { z } from 'zod';
import { loadOwnWorker } from '../access/own-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, type DbOrTrx, newId, nowIso } from '../db';
import { notFound, parseServiceInput } from '../errors';
import { idSchema } from '../schemas';

export const COMMENT_MAX = 2000;

export const commentOnOwnSessionInput = z.object({
  sessionId: idSchema,
  body: z
    .string({ message: 'expected the comment as text' })
    .max(COMMENT_MAX, { message: `expected at most ${COMMENT_MAX} characters` })
    .refine((b) => b.trim() !== '', { message: 'expected a comment with something besides spaces' }),
});

export interface SessionComment {
  id: string;
  sessionId: string;
  body: string;
  createdAt: string;
}

/** The PSW comments on one of their own sessions; any other session id is not_found and changes nothing. */
export async function commentOnOwnSession(
  db: Db,
  actor: Actor,
  input: z.input<typeof commentOnOwnSessionInput>,
): Promise<SessionComment> {
  const { sessionId, body } = parseServiceInput(commentOnOwnSessionInput, input);
  return db.transaction().execute(async (trx) => {
    const worker = await loadOwnWorker(trx, actor);
    const session = await trx
      .selectFrom('supervision_session')
      .select('id')
      .where('id', '=', sessionId)
      .where('organization_id', '=', actor.organizationId)
      .where('peer_worker_id', '=', worker.id)
      .executeTakeFirst();
    if (!session) throw notFound('Session');
    const comment = { id: newId(), sessionId: session.id, body, createdAt: nowIso() };
    await trx
      .insertInto('session_comment')
      .values({
        id: comment.id,
        organization_id: actor.organizationId,
        session_id: session.id,
        author_user_id: actor.userId,
        body,
        created_at: comment.createdAt,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: 'session_comment.create',
      entityType: 'supervision_session',
      entityId: session.id,
      details: { commentId: comment.id },
    });
    return comment;
  });
}

/** The comments on the sessions named, oldest first, grouped by session. */
export async function commentsBySession(
  db: DbOrTrx,
  organizationId: string,
  sessionIds: ReadonlyArray<string>,
): Promise<Map<string, SessionComment[]>> {
  const bySession = new Map<string, SessionComment[]>();
  if (sessionIds.length === 0) return bySession;
  const rows = await db
    .selectFrom('session_comment')
    .select(['id', 'session_id', 'body', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('session_id', 'in', [...sessionIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = bySession.get(r.session_id) ?? [];
    list.push({ id: r.id, sessionId: r.session_id, body: r.body, createdAt: r.created_at });
    bySession.set(r.session_id, list);
  }
  return bySession;
}
