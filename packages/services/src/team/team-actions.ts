/**
 * Team actions on the actions page (ADR 0042): listed a page at a time for those who may see them,
 * closed with an outcome (done, not needed, did not help) and an optional note, reopened when closing
 * was premature. Each change is a row of `team_action_event` and an audit event that says whether there
 * is a note but never carries its text. Same inputs as the actions about one PSW.
 */
import { z } from 'zod';
import type { ActionOutcome } from '../actions/action-item';
import { completeActionInput, noteOrNull, reopenActionInput } from '../actions/action-items';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, type DbOrTrx, newId, nowIso } from '../db';
import { conflict, parseServiceInput } from '../errors';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { type TeamAction, toTeamAction } from './team-action';
import { loadVisibleTeamAction, requireTeamStaff, selectVisibleTeamActions } from './team-action-access';

export const listTeamActionsInput = z
  .object({
    status: z.enum(['open', 'done', 'all'], { message: 'expected open, done or all' }).default('open'),
    ...pageFields(50, 200),
  })
  .optional();

/** Team actions soonest due first, a page at a time (keyset on due date and id). */
export async function listTeamActions(
  db: Db,
  actor: Actor,
  input?: z.input<typeof listTeamActionsInput>,
): Promise<Page<TeamAction>> {
  requireTeamStaff(actor);
  const parsed = parseServiceInput(listTeamActionsInput, input) ?? { status: 'open' as const, limit: 50 };
  const after = parsed.cursor ? decodeCursor(parsed.cursor, ['string', 'string'] as const) : null;
  let query = selectVisibleTeamActions(db, actor);
  if (parsed.status !== 'all') query = query.where('t.status', '=', parsed.status);
  if (after) {
    const [due, id] = after;
    query = query.where((eb) => eb(eb.refTuple('t.due_on', 't.id'), '>', eb.tuple(due, id)));
  }
  const rows = await query
    .orderBy('t.due_on')
    .orderBy('t.id')
    .limit(parsed.limit + 1)
    .execute();
  return toPage(rows, parsed.limit, (r) => [r.due_on, r.id], toTeamAction);
}

/** Closes an open team action with its outcome; whoever may see it may close it. */
export async function completeTeamAction(
  db: Db,
  actor: Actor,
  input: z.input<typeof completeActionInput>,
): Promise<TeamAction> {
  requireTeamStaff(actor);
  const parsed = parseServiceInput(completeActionInput, input);
  const note = noteOrNull(parsed.note);
  return db.transaction().execute(async (trx) => {
    const row = await loadVisibleTeamAction(trx, actor, parsed.actionId);
    if (row.status === 'done') throw conflict('This team action is already closed');
    const at = nowIso();
    await trx
      .updateTable('team_action')
      .set({
        status: 'done',
        outcome: parsed.outcome,
        outcome_note: note,
        completed_at: at,
        completed_by: actor.userId,
      })
      .where('id', '=', row.id)
      .where('status', '=', 'open')
      .execute();
    await addTeamActionEvent(trx, actor, { id: row.id, kind: 'closed', outcome: parsed.outcome, note, at });
    await recordAudit(trx, actor, {
      action: 'team_action.complete',
      entityType: 'team_action',
      entityId: row.id,
      details: { cardId: row.card_id, unitId: row.unit_id, outcome: parsed.outcome, withNote: note !== null },
    });
    return toTeamAction(await loadVisibleTeamAction(trx, actor, row.id));
  });
}

/** Opens a closed team action again; its outcome and note stay in the history. */
export async function reopenTeamAction(
  db: Db,
  actor: Actor,
  input: z.input<typeof reopenActionInput>,
): Promise<TeamAction> {
  requireTeamStaff(actor);
  const parsed = parseServiceInput(reopenActionInput, input);
  const note = noteOrNull(parsed.note);
  return db.transaction().execute(async (trx) => {
    const row = await loadVisibleTeamAction(trx, actor, parsed.actionId);
    if (row.status === 'open') throw conflict('This team action is open already');
    const at = nowIso();
    await trx
      .updateTable('team_action')
      .set({ status: 'open', outcome: null, outcome_note: null, completed_at: null, completed_by: null })
      .where('id', '=', row.id)
      .where('status', '=', 'done')
      .execute();
    await addTeamActionEvent(trx, actor, { id: row.id, kind: 'reopened', outcome: null, note, at });
    await recordAudit(trx, actor, {
      action: 'team_action.reopen',
      entityType: 'team_action',
      entityId: row.id,
      details: {
        cardId: row.card_id,
        unitId: row.unit_id,
        previousOutcome: row.outcome,
        withNote: note !== null,
      },
    });
    return toTeamAction(await loadVisibleTeamAction(trx, actor, row.id));
  });
}

/** Appends one row to a team action's history (never updated). */
export async function addTeamActionEvent(
  trx: DbOrTrx,
  actor: Actor,
  event: {
    id: string;
    kind: 'assigned' | 'closed' | 'reopened';
    outcome: ActionOutcome | null;
    note: string | null;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('team_action_event')
    .values({
      id: newId(),
      organization_id: actor.organizationId,
      team_action_id: event.id,
      kind: event.kind,
      outcome: event.outcome,
      note: event.note,
      actor_user_id: actor.userId,
      at: event.at,
    })
    .execute();
}
