/**
 * What amending and voiding a session share (ADR 0010): the reason each needs, loading the session with
 * its observations inside the change's transaction, keeping the replaced content as a revision, and
 * telling a client whose revision is stale what changed since.
 */
import type { StoredSessionContent } from '@peerbridge/db';
import { z } from 'zod';
import type { Actor } from '../actor';
import { type DbOrTrx, newId, nowIso } from '../db';
import { conflict, notFound } from '../errors';

const REASON_MAX = 2000;

/** A reason with at least three visible characters (letters, digits or punctuation, not just spaces). */
export const changeReasonSchema = z
  .string({ message: 'expected a reason of 3 to 2000 characters' })
  .max(REASON_MAX, { message: `expected a reason of 3 to ${REASON_MAX} characters` })
  .refine((s) => (s.match(/[\p{L}\p{N}\p{P}\p{S}]/gu) ?? []).length >= 3, {
    message: 'expected a reason with at least 3 visible characters',
  });

export const sessionRevisionSchema = z
  .number({ message: 'expected the revision number you edited (a whole number from 1)' })
  .int({ message: 'expected the revision number you edited (a whole number from 1)' })
  .min(1, { message: 'expected the revision number you edited (a whole number from 1)' });

export interface SessionForChange {
  id: string;
  revision: number;
  voidedAt: string | null;
  content: StoredSessionContent;
}

/** The session of this PSW with its observations, or not_found (another PSW's session looks absent). */
export async function loadSessionForChange(
  trx: DbOrTrx,
  actor: Actor,
  workerId: string,
  sessionId: string,
): Promise<SessionForChange> {
  const session = await trx
    .selectFrom('supervision_session')
    .select([
      'id',
      'revision',
      'voided_at',
      'held_on',
      'kind',
      'minutes',
      'private_notes',
      'nothing_to_record',
    ])
    .where('organization_id', '=', actor.organizationId)
    .where('peer_worker_id', '=', workerId)
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) throw notFound('Supervision session');
  const observations = await trx
    .selectFrom('observation')
    .select(['id', 'indicator', 'value', 'observed_at', 'source', 'note', 'recorded_by', 'created_at'])
    .where('organization_id', '=', actor.organizationId)
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();
  return {
    id: session.id,
    revision: Number(session.revision),
    voidedAt: session.voided_at,
    content: {
      held_on: session.held_on,
      kind: session.kind,
      minutes: session.minutes === null ? null : Number(session.minutes),
      private_notes: session.private_notes,
      nothing_to_record: Number(session.nothing_to_record),
      observations: observations.map((o) => ({ ...o, value: Number(o.value) })),
    },
  };
}

/** Keeps the replaced content as a revision and (unless kept) takes its observations out of the evidence. */
export async function keepRevision(
  trx: DbOrTrx,
  actor: Actor,
  session: SessionForChange,
  change: 'amend' | 'void',
  reason: string,
  options: { withdrawObservations: boolean } = { withdrawObservations: true },
): Promise<{ revisionId: string; changedAt: string }> {
  const revisionId = newId();
  const changedAt = nowIso();
  await trx
    .insertInto('supervision_session_revision')
    .values({
      id: revisionId,
      organization_id: actor.organizationId,
      session_id: session.id,
      revision: session.revision,
      change,
      previous: JSON.stringify(session.content),
      reason: reason.trim(),
      changed_by: actor.userId,
      changed_at: changedAt,
    })
    .execute();
  if (!options.withdrawObservations) return { revisionId, changedAt };
  await trx
    .deleteFrom('observation')
    .where('organization_id', '=', actor.organizationId)
    .where('session_id', '=', session.id)
    .execute();
  return { revisionId, changedAt };
}

const FIELD_NAMES: [keyof StoredSessionContent, string][] = [
  ['held_on', 'heldOn'],
  ['kind', 'kind'],
  ['minutes', 'minutes'],
  ['private_notes', 'privateNotes'],
  ['nothing_to_record', 'nothingToRecord'],
  ['observations', 'observations'],
];

/** The fields (by their input names) that differ between two stored contents. */
export function changedFields(before: StoredSessionContent, after: StoredSessionContent): string[] {
  const comparable = (c: StoredSessionContent, key: keyof StoredSessionContent) =>
    key === 'observations'
      ? JSON.stringify(c.observations.map((o) => [o.indicator, o.value, o.source, o.note ?? null]).sort())
      : JSON.stringify(c[key]);
  return FIELD_NAMES.filter(([key]) => comparable(before, key) !== comparable(after, key)).map(
    ([, name]) => name,
  );
}

/**
 * Refuses a change made against an old revision, naming who changed the session since, when, and which
 * fields: the client reloads and decides again rather than overwriting what it never saw.
 */
export async function refuseIfStale(
  trx: DbOrTrx,
  actor: Actor,
  session: SessionForChange,
  edited: number,
): Promise<void> {
  if (edited === session.revision) return;
  if (edited > session.revision) {
    throw conflict(
      `revision: this session is at revision ${session.revision}, not ${edited}; reload it and try again`,
    );
  }
  const changes = await trx
    .selectFrom('supervision_session_revision as r')
    .innerJoin('user as u', 'u.id', 'r.changed_by')
    .select(['r.revision', 'r.change', 'r.previous', 'r.changed_at', 'u.name'])
    .where('r.organization_id', '=', actor.organizationId)
    .where('r.session_id', '=', session.id)
    .where('r.revision', '>=', edited)
    .orderBy('r.revision')
    .execute();
  const edits = changes.map(
    (c) => `${c.change === 'void' ? 'voided' : 'amended'} by ${c.name} at ${c.changed_at}`,
  );
  const first = changes[0];
  const fields = first
    ? changedFields(JSON.parse(first.previous) as StoredSessionContent, session.content)
    : [];
  throw conflict(
    `revision: this session changed since revision ${edited} you edited (now revision ${session.revision}; ${edits.join('; ')}${
      fields.length > 0 ? `; changed: ${fields.join(', ')}` : ''
    }); reload it and try again`,
  );
}
