/**
 * A peer worker's own record (issue 12, ADR 0031; GDPR Art. 15): their sessions with only the summary
 * the supervisor chose to share (never the private notes), their actions (those addressed to the peer
 * worker they close and reopen with `completeAction` / `reopenAction`), and their conflict and role
 * picture from the same explanation the supervisor reads, also written to them (ADR 0045). Every read is
 * one audit event, by the PSW, on their own record; nothing here takes an id that could name another
 * PSW's record.
 */
import type { Explanation } from '@peerbridge/domain';
import { z } from 'zod';
import { loadOwnWorker } from '../access/own-worker';
import type { SupervisedWorker } from '../access/supervised-worker';
import { isForPeerWorker } from '../actions/action-access';
import type { ActionOutcome } from '../actions/action-item';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type OwnCheckIn, readOwnCheckIns } from '../check-in/own-check-ins';
import { type Db, type DbOrTrx, todayIso } from '../db';
import { notFound, parseServiceInput } from '../errors';
import { idSchema } from '../schemas';
import { assessSupervisedWorker } from '../workers/get-worker-assessment';
import { commentsBySession, type SessionComment } from './session-comments';

export interface OwnSession {
  id: string;
  heldOn: string;
  kind: 'individual' | 'group' | 'informal';
  minutes: number | null;
  /** What the supervisor shared with the PSW; null when they shared nothing. */
  sharedSummary: string | null;
  /** Voided sessions stay listed (ADR 0010), marked. */
  voided: boolean;
  /** The PSW's own comments on the summary, oldest first. */
  comments: SessionComment[];
}

export interface OwnAction {
  id: string;
  /** The catalog card it came from (its title is the card's, in the reader's language), or null. */
  cardId: string | null;
  /** A title someone typed; null when the catalog card gives it. */
  title: string | null;
  dueOn: string | null;
  status: 'open' | 'done';
  /** How it ended, once closed (the closing note stays with the supervisor's list). */
  outcome: ActionOutcome | null;
  completedAt: string | null;
  /** Addressed to the peer worker by its catalog card: the PSW may mark it done and reopen it. */
  forPeerWorker: boolean;
}

export interface OwnRecord {
  worker: { displayName: string; unitName: string; startedOn: string; status: string };
  /** Newest first. */
  sessions: OwnSession[];
  /** Open first by due date, then done. */
  actions: OwnAction[];
  /** The picture as of `asOf`: the supervisor's words and the same written to the PSW (`toPerson`), EN and CS. */
  picture: { asOf: string; explanation: Explanation };
}

async function readOwnRecord(db: DbOrTrx, worker: SupervisedWorker, asOf: string): Promise<OwnRecord> {
  const [sessions, actions, assessment] = await Promise.all([
    db
      .selectFrom('supervision_session')
      .select(['id', 'held_on', 'kind', 'minutes', 'shared_summary', 'voided_at'])
      .where('organization_id', '=', worker.organizationId)
      .where('peer_worker_id', '=', worker.id)
      .orderBy('held_on', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('action_item')
      .select(['id', 'card_id', 'title', 'due_on', 'status', 'outcome', 'completed_at'])
      .where('organization_id', '=', worker.organizationId)
      .where('peer_worker_id', '=', worker.id)
      .orderBy('status', 'desc')
      .orderBy('due_on')
      .orderBy('id')
      .execute(),
    assessSupervisedWorker(db, worker, asOf < worker.startedOn ? worker.startedOn : asOf),
  ]);
  const comments = await commentsBySession(
    db,
    worker.organizationId,
    sessions.map((s) => s.id),
  );
  return {
    worker: {
      displayName: worker.displayName,
      unitName: worker.unit.name,
      startedOn: worker.startedOn,
      status: worker.status,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.held_on,
      kind: s.kind,
      minutes: s.minutes,
      sharedSummary: s.shared_summary,
      voided: s.voided_at !== null,
      comments: comments.get(s.id) ?? [],
    })),
    actions: actions.map((a) => ({
      id: a.id,
      cardId: a.card_id,
      title: a.title,
      dueOn: a.due_on,
      status: a.status === 'done' ? 'done' : 'open',
      outcome: a.outcome,
      completedAt: a.completed_at,
      forPeerWorker: isForPeerWorker(a.card_id),
    })),
    picture: { asOf: assessment.asOf, explanation: assessment.explanation },
  };
}

/** The PSW opens their own record: one `own_record.view` event, then the record. */
export async function openOwnRecord(db: Db, actor: Actor): Promise<OwnRecord> {
  const worker = await loadOwnWorker(db, actor);
  await recordAudit(db, actor, {
    action: 'own_record.view',
    entityType: 'peer_worker',
    entityId: worker.id,
    changesData: false,
  });
  return readOwnRecord(db, worker, todayIso());
}

/** The downloaded record: the own record plus every check-in, shared and kept (their data, Art. 15). */
export type OwnRecordDocument = OwnRecord & {
  format: 'peerbridge-own-record';
  version: 1;
  exportedAt: string;
  /** Newest first, each answer marked shared or kept. */
  checkIns: OwnCheckIn[];
};

/** Everything of the own record as one JSON document to save: one `own_record.export` event. */
export function exportOwnRecord(db: Db, actor: Actor): Promise<OwnRecordDocument> {
  return readOwnRecordDocument(db, actor, { action: 'own_record.export' });
}

/**
 * The same document for the printable page (ADR 0040): one `own_record.print` event, so the audit log
 * says a page was opened for printing, not that a file was downloaded.
 */
export function printOwnRecord(db: Db, actor: Actor): Promise<OwnRecordDocument> {
  return readOwnRecordDocument(db, actor, { action: 'own_record.print' });
}

async function readOwnRecordDocument(
  db: Db,
  actor: Actor,
  event: { action: 'own_record.export' | 'own_record.print' },
): Promise<OwnRecordDocument> {
  const worker = await loadOwnWorker(db, actor);
  await recordAudit(db, actor, {
    action: event.action,
    entityType: 'peer_worker',
    entityId: worker.id,
    changesData: false,
  });
  const [record, checkIns] = await Promise.all([
    readOwnRecord(db, worker, todayIso()),
    readOwnCheckIns(db, worker),
  ]);
  return {
    format: 'peerbridge-own-record',
    version: 1,
    exportedAt: new Date().toISOString(),
    ...record,
    checkIns,
  };
}

export const getOwnSessionInput = z.object({ sessionId: idSchema });

/** One of the PSW's own sessions; any other id (another PSW's, another organisation's, none) is not_found. */
export async function getOwnSession(
  db: Db,
  actor: Actor,
  input: z.input<typeof getOwnSessionInput>,
): Promise<OwnSession> {
  const { sessionId } = parseServiceInput(getOwnSessionInput, input);
  const worker = await loadOwnWorker(db, actor);
  const row = await db
    .selectFrom('supervision_session')
    .select(['id', 'held_on', 'kind', 'minutes', 'shared_summary', 'voided_at'])
    .where('id', '=', sessionId)
    .where('organization_id', '=', actor.organizationId)
    .where('peer_worker_id', '=', worker.id)
    .executeTakeFirst();
  if (!row) throw notFound('Session');
  await recordAudit(db, actor, {
    action: 'own_session.view',
    entityType: 'supervision_session',
    entityId: row.id,
    changesData: false,
  });
  return {
    id: row.id,
    heldOn: row.held_on,
    kind: row.kind,
    minutes: row.minutes,
    sharedSummary: row.shared_summary,
    voided: row.voided_at !== null,
    comments: (await commentsBySession(db, actor.organizationId, [row.id])).get(row.id) ?? [],
  };
}
