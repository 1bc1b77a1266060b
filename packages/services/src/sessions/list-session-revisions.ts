/**
 * A session's history (ADR 0010): each amendment or void with who, when and why, and the content it
 * replaced, oldest first. A read that writes nothing, so no note text: `hasNotes` says whether the
 * replaced content had notes, and `revealNotes` with `revisionIds` shows them, audited.
 */
import type { StoredSessionContent } from '@peerbridge/db';
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { notFound, parseServiceInput } from '../errors';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { idSchema } from '../schemas';

/** Changes per page: 20 by default, at most 100 (each carries the content it replaced). */
export const listSessionRevisionsInput = z.object({
  workerId: idSchema,
  sessionId: idSchema,
  ...pageFields(20, 100),
});

export interface SessionRevision {
  id: string;
  /** The revision number of the content shown (the version this change replaced). */
  revision: number;
  change: 'amend' | 'void';
  reason: string;
  changedByUserId: string;
  changedByName: string | null;
  changedAt: string;
  previous: {
    heldOn: string;
    kind: string;
    minutes: number | null;
    hasNotes: boolean;
    nothingToRecord: boolean;
    observations: { id: string; indicator: string; value: number; source: string; note: string | null }[];
  };
}

export async function listSessionRevisions(
  db: Db,
  actor: Actor,
  input: z.input<typeof listSessionRevisionsInput>,
): Promise<Page<SessionRevision>> {
  const { workerId, sessionId, limit, cursor } = parseServiceInput(listSessionRevisionsInput, input);
  const after = cursor ? decodeCursor(cursor, ['number'] as const) : null;
  const worker = await loadSupervisedWorker(db, actor, workerId);
  const session = await db
    .selectFrom('supervision_session')
    .select('id')
    .where('organization_id', '=', actor.organizationId)
    .where('peer_worker_id', '=', worker.id)
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) throw notFound('Supervision session');
  let query = db
    .selectFrom('supervision_session_revision as r')
    .leftJoin('user as u', 'u.id', 'r.changed_by')
    .select([
      'r.id',
      'r.revision',
      'r.change',
      'r.reason',
      'r.changed_by',
      'r.changed_at',
      'r.previous',
      'u.name',
    ])
    .where('r.organization_id', '=', actor.organizationId)
    .where('r.session_id', '=', session.id);
  if (after) query = query.where('r.revision', '>', after[0]);
  const rows = await query
    .orderBy('r.revision')
    .limit(limit + 1)
    .execute();
  return toPage(
    rows,
    limit,
    (r) => [Number(r.revision)],
    (r) => {
      const previous = JSON.parse(r.previous) as StoredSessionContent;
      return {
        id: r.id,
        revision: Number(r.revision),
        change: r.change,
        reason: r.reason,
        changedByUserId: r.changed_by,
        changedByName: r.name ?? null,
        changedAt: r.changed_at,
        previous: {
          heldOn: previous.held_on,
          kind: previous.kind,
          minutes: previous.minutes,
          hasNotes: (previous.private_notes ?? '') !== '',
          nothingToRecord: previous.nothing_to_record === 1,
          observations: previous.observations.map((o) => ({
            id: o.id,
            indicator: o.indicator,
            value: o.value,
            source: o.source,
            note: o.note,
          })),
        },
      };
    },
  );
}
