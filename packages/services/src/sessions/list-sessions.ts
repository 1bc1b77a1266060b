/**
 * A supervised PSW's sessions, newest first, one capped page at a time, without the private notes: a
 * list is a read that writes nothing (ADR 0009); the notes come from `revealNotes`, which is audited.
 */
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';
import { commentsBySession, type SessionComment } from '../own-record/session-comments';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { idSchema } from '../schemas';

/** Sessions per page: 50 by default, at most 200. */
export const listSessionsInput = z.object({ workerId: idSchema, ...pageFields(50, 200) });

export interface SupervisionSession {
  id: string;
  heldOn: string;
  kind: string;
  minutes: number | null;
  /** Whether the session has private notes; their text only through `revealNotes`. */
  hasNotes: boolean;
  supervisorUserId: string;
  /** "Held, nothing to record". */
  nothingToRecord: boolean;
  observationCount: number;
  /** 1 when recorded; the client sends it back when it amends or voids (ADR 0010). */
  revision: number;
  /** How many amendments and voids the history holds (see `listSessionRevisions`). */
  revisionCount: number;
  /** What the supervisor shared with the PSW (ADR 0031), or null. */
  sharedSummary: string | null;
  /** The PSW's comments on the shared summary, oldest first. */
  peerComments: SessionComment[];
  /** Set when voided: the session stays listed but is no longer evidence. */
  voided: { at: string; byUserId: string | null; byName: string | null; reason: string | null } | null;
}

export async function listSessions(
  db: Db,
  actor: Actor,
  input: z.input<typeof listSessionsInput>,
): Promise<Page<SupervisionSession>> {
  const { workerId, limit, cursor } = parseServiceInput(listSessionsInput, input);
  const after = cursor ? decodeCursor(cursor, ['string', 'string'] as const) : null;
  const worker = await loadSupervisedWorker(db, actor, workerId);
  let query = db
    .selectFrom('supervision_session as s')
    .select([
      's.id',
      's.held_on',
      's.kind',
      's.minutes',
      's.shared_summary',
      (eb) =>
        eb
          .case()
          .when(eb.fn.coalesce('s.private_notes', eb.val('')), '=', '')
          .then(0)
          .else(1)
          .end()
          .as('has_notes'),
      's.supervisor_user_id',
      's.nothing_to_record',
      's.revision',
      's.voided_at',
      's.voided_by',
      's.void_reason',
      (eb) =>
        eb
          .selectFrom('user as vu')
          .whereRef('vu.id', '=', 's.voided_by')
          .select('vu.name')
          .as('voided_by_name'),
      (eb) =>
        eb
          .selectFrom('supervision_session_revision as r')
          .whereRef('r.session_id', '=', 's.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('revision_count'),
      // Counted per shown session (index on observation.session_id), not joined over the whole history.
      (eb) =>
        eb
          .selectFrom('observation as o')
          .whereRef('o.session_id', '=', 's.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('observation_count'),
    ])
    .where('s.organization_id', '=', actor.organizationId)
    .where('s.peer_worker_id', '=', worker.id);
  if (after) {
    const [heldOn, id] = after;
    query = query.where((eb) => eb(eb.refTuple('s.held_on', 's.id'), '<', eb.tuple(heldOn, id)));
  }
  const rows = await query
    .orderBy('s.held_on', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit + 1)
    .execute();
  const comments = await commentsBySession(
    db,
    actor.organizationId,
    rows.slice(0, limit).map((r) => r.id),
  );
  return toPage(
    rows,
    limit,
    (r) => [r.held_on, r.id],
    (r) => ({
      id: r.id,
      heldOn: r.held_on,
      kind: r.kind,
      minutes: r.minutes,
      hasNotes: Number(r.has_notes) === 1,
      sharedSummary: r.shared_summary,
      peerComments: comments.get(r.id) ?? [],
      supervisorUserId: r.supervisor_user_id,
      nothingToRecord: Number(r.nothing_to_record) === 1,
      observationCount: Number(r.observation_count ?? 0),
      revision: Number(r.revision),
      revisionCount: Number(r.revision_count ?? 0),
      voided:
        r.voided_at === null
          ? null
          : {
              at: r.voided_at,
              byUserId: r.voided_by,
              byName: r.voided_by_name ?? null,
              reason: r.void_reason,
            },
    }),
  );
}
