/**
 * Action items from accepted cards (ADR 0030): listed for the supervisors of the PSW and for the member
 * they are assigned to; closed with an outcome (done, not needed, did not help) and an optional note;
 * reopened when closing was premature. Every change is a row of `action_item_event` and an audit event.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { loadSupervisedWorker, requireSupervisor } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, type DbOrTrx, newOrderedId, nowIso } from '../db';
import { conflict, parseServiceInput } from '../errors';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { idSchema } from '../schemas';
import { loadVisibleAction, requireActionCloser } from './action-access';
import {
  type ActionItem,
  type ActionOutcome,
  actionOutcomes,
  selectActionItems,
  toActionItem,
} from './action-item';

export const listActionsInput = z
  .object({
    workerId: idSchema.optional(),
    status: z.enum(['open', 'done', 'all'], { message: 'expected open, done or all' }).default('open'),
    ...pageFields(100, 200),
  })
  .optional();

export interface ActionItemWithWorker extends ActionItem {
  workerName: string;
  /** Whether the actor supervises the PSW (and so may open their record). */
  supervisesWorker: boolean;
}

/** Sorts after every real date. */
const NO_DUE_DATE = '9999-12-31';

export async function listActions(
  db: Db,
  actor: Actor,
  input?: z.input<typeof listActionsInput>,
): Promise<Page<ActionItemWithWorker>> {
  requireSupervisor(actor);
  const parsed = parseServiceInput(listActionsInput, input) ?? {
    status: 'open' as const,
    limit: 100,
    cursor: undefined,
  };
  const after = parsed.cursor ? decodeCursor(parsed.cursor, ['string', 'string'] as const) : null;
  if (parsed.workerId !== undefined) await loadSupervisedWorker(db, actor, parsed.workerId);
  let query = selectActionItems(db)
    .innerJoin('peer_worker as w', 'w.id', 'i.peer_worker_id')
    .leftJoin('supervisor_assignment as a', (j) =>
      j
        .onRef('a.peer_worker_id', '=', 'i.peer_worker_id')
        .on('a.supervisor_user_id', '=', actor.userId)
        .on('a.organization_id', '=', actor.organizationId),
    )
    .select(['w.display_name', 'a.peer_worker_id as supervised'])
    .where('i.organization_id', '=', actor.organizationId)
    // What the actor supervises, and what was handed to them.
    .where((eb) => eb.or([eb('a.peer_worker_id', 'is not', null), eb('i.owner_user_id', '=', actor.userId)]));
  if (parsed.workerId !== undefined) query = query.where('i.peer_worker_id', '=', parsed.workerId);
  if (parsed.status !== 'all') query = query.where('i.status', '=', parsed.status);
  // Keyset on (due date, id), an action without a due date after every dated one on both dialects
  // (they sort NULL differently): page N costs what page 1 costs, and no row is shown twice or skipped
  // when actions close or open between pages.
  const dueKey = sql<string>`coalesce(i.due_on, ${NO_DUE_DATE})`;
  if (after) {
    const [due, id] = after;
    query = query.where((eb) =>
      eb.or([eb(dueKey, '>', due), eb.and([eb(dueKey, '=', due), eb('i.id', '>', id)])]),
    );
  }
  const rows = await query
    .orderBy(dueKey)
    .orderBy('i.id')
    .limit(parsed.limit + 1)
    .execute();
  return toPage(
    rows,
    parsed.limit,
    (r) => [r.due_on ?? NO_DUE_DATE, r.id],
    (r) => ({ ...toActionItem(r), workerName: r.display_name, supervisesWorker: r.supervised !== null }),
  );
}

const noteSchema = z
  .string({ message: 'expected a note' })
  .trim()
  .max(2000, { message: 'expected at most 2000 characters' })
  .optional();

/** An empty note is no note. */
export const noteOrNull = (note: string | undefined): string | null =>
  note === undefined || note === '' ? null : note;

/** Closing and reopening also reach the PSW's own actions addressed to them. */
const closer = { asPeerWorker: true } as const;

export const completeActionInput = z.object({
  actionId: idSchema,
  outcome: z.enum(actionOutcomes, { message: 'expected an outcome: done, not_needed or did_not_help' }),
  note: noteSchema,
});

/**
 * Closes an open action with its outcome; the actor may be any one who may see it, or the PSW it is
 * about when its card is addressed to the peer worker (`completed_by` then names the PSW's account).
 */
export async function completeAction(
  db: Db,
  actor: Actor,
  input: z.input<typeof completeActionInput>,
): Promise<ActionItem> {
  requireActionCloser(actor);
  const parsed = parseServiceInput(completeActionInput, input);
  const { actionId, outcome } = parsed;
  const note = noteOrNull(parsed.note);
  return db.transaction().execute(async (trx) => {
    const row = await loadVisibleAction(trx, actor, actionId, closer);
    if (row.status === 'done') throw conflict('This action item is already closed');
    const at = nowIso();
    await trx
      .updateTable('action_item')
      .set({ status: 'done', outcome, outcome_note: note, completed_at: at, completed_by: actor.userId })
      .where('id', '=', actionId)
      .where('status', '=', 'open')
      .execute();
    await addActionEvent(trx, actor, { actionId, kind: 'closed', outcome, note, at });
    await recordAudit(trx, actor, {
      action: 'action.complete',
      entityType: 'action_item',
      entityId: actionId,
      // The note is the user's free text: the audit says there is one, not what it says.
      details: { workerId: row.peer_worker_id, outcome, withNote: note !== null },
    });
    return toActionItem(await loadVisibleAction(trx, actor, actionId, closer));
  });
}

export const reopenActionInput = z.object({ actionId: idSchema, note: noteSchema });

/** Opens a closed action again (the same rule as closing); its outcome moves to the history, nothing is lost. */
export async function reopenAction(
  db: Db,
  actor: Actor,
  input: z.input<typeof reopenActionInput>,
): Promise<ActionItem> {
  requireActionCloser(actor);
  const parsed = parseServiceInput(reopenActionInput, input);
  const { actionId } = parsed;
  const note = noteOrNull(parsed.note);
  return db.transaction().execute(async (trx) => {
    const row = await loadVisibleAction(trx, actor, actionId, closer);
    if (row.status === 'open') throw conflict('This action item is open already');
    const at = nowIso();
    await trx
      .updateTable('action_item')
      .set({ status: 'open', outcome: null, outcome_note: null, completed_at: null, completed_by: null })
      .where('id', '=', actionId)
      .where('status', '=', 'done')
      .execute();
    await addActionEvent(trx, actor, { actionId, kind: 'reopened', outcome: null, note, at });
    await recordAudit(trx, actor, {
      action: 'action.reopen',
      entityType: 'action_item',
      entityId: actionId,
      details: { workerId: row.peer_worker_id, previousOutcome: row.outcome, withNote: note !== null },
    });
    return toActionItem(await loadVisibleAction(trx, actor, actionId, closer));
  });
}

export interface ActionEvent {
  id: string;
  kind: 'assigned' | 'closed' | 'reopened';
  ownerUserId: string | null;
  ownerUnitId: string | null;
  dueOn: string | null;
  outcome: ActionOutcome | null;
  note: string | null;
  actorUserId: string;
  actorName: string;
  at: string;
}

/** History events per page: 50 by default, at most 200. */
export const listActionHistoryInput = z.object({ actionId: idSchema, ...pageFields(50, 200) });

/** The history of one action, oldest first, a page at a time: who assigned, closed and reopened it, when, and why. */
export async function listActionHistory(
  db: Db,
  actor: Actor,
  input: z.input<typeof listActionHistoryInput>,
): Promise<Page<ActionEvent>> {
  requireSupervisor(actor);
  const { actionId, limit, cursor } = parseServiceInput(listActionHistoryInput, input);
  const after = cursor ? decodeCursor(cursor, ['string', 'string'] as const) : null;
  await loadVisibleAction(db, actor, actionId);
  let query = db
    .selectFrom('action_item_event as e')
    .innerJoin('user as u', 'u.id', 'e.actor_user_id')
    .selectAll('e')
    .select(['u.name as actor_name', 'u.email as actor_email'])
    .where('e.action_item_id', '=', actionId)
    .where('e.organization_id', '=', actor.organizationId);
  if (after) {
    const [at, id] = after;
    query = query.where((eb) => eb(eb.refTuple('e.at', 'e.id'), '>', eb.tuple(at, id)));
  }
  const rows = await query
    .orderBy('e.at')
    .orderBy('e.id')
    .limit(limit + 1)
    .execute();
  return toPage(
    rows,
    limit,
    (r) => [r.at, r.id],
    (r) => ({
      id: r.id,
      kind: r.kind,
      ownerUserId: r.owner_user_id,
      ownerUnitId: r.owner_unit_id,
      dueOn: r.due_on,
      outcome: r.outcome,
      note: r.note,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name || r.actor_email,
      at: r.at,
    }),
  );
}

/** Appends one row to an action's history (never updated). */
export async function addActionEvent(
  trx: DbOrTrx,
  actor: Actor,
  event: {
    actionId: string;
    kind: ActionEvent['kind'];
    outcome: ActionOutcome | null;
    note: string | null;
    at: string;
    ownerUserId?: string;
    ownerUnitId?: string | null;
    dueOn?: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('action_item_event')
    .values({
      // Time-ordered: events in the same millisecond keep their order in the history (sorted by at, id).
      id: newOrderedId(),
      organization_id: actor.organizationId,
      action_item_id: event.actionId,
      kind: event.kind,
      owner_user_id: event.ownerUserId ?? null,
      owner_unit_id: event.ownerUnitId ?? null,
      due_on: event.dueOn ?? null,
      outcome: event.outcome,
      note: event.note,
      actor_user_id: actor.userId,
      at: event.at,
    })
    .execute();
}
