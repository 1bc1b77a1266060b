/**
 * One action item as every page shows it (ADR 0030): the catalog card it came from (its title is the
 * card's summary, read in the viewer's language), or a typed title; its owner, a member or a team with
 * an accountable member; its due date; and, once closed, its outcome.
 */
import type { DbOrTrx } from '../db';

/** How a closed action ended: done, not needed after all, or done without helping. */
export const actionOutcomes = ['done', 'not_needed', 'did_not_help'] as const;
export type ActionOutcome = (typeof actionOutcomes)[number];

/** Who an action is for: one member, or the team of a unit with the member who answers for it. */
export type ActionOwner =
  | { kind: 'member'; userId: string; name: string }
  | { kind: 'team'; unitId: string; unitName: string; userId: string; name: string };

export interface ActionItem {
  id: string;
  workerId: string;
  cardResponseId: string | null;
  /** The catalog card: the title is its summary in the viewer's language. */
  cardId: string | null;
  /** A title someone typed; null when the card gives it. */
  title: string | null;
  owner: ActionOwner;
  /** Kept for callers that only need the accountable member. */
  ownerUserId: string;
  dueOn: string | null;
  status: 'open' | 'done';
  outcome: ActionOutcome | null;
  outcomeNote: string | null;
  completedAt: string | null;
  completedBy: string | null;
  /** Who closed it (a supervisor, or the PSW themselves), by name; null while open. */
  completedByName: string | null;
  createdAt: string;
}

/** The action items with their owner's name and unit; narrow it with `where`. */
export function selectActionItems(db: DbOrTrx) {
  return db
    .selectFrom('action_item as i')
    .innerJoin('user as ou', 'ou.id', 'i.owner_user_id')
    .leftJoin('unit as tu', 'tu.id', 'i.owner_unit_id')
    .leftJoin('user as cu', 'cu.id', 'i.completed_by')
    .select([
      'i.id',
      'i.organization_id',
      'i.peer_worker_id',
      'i.card_response_id',
      'i.card_id',
      'i.title',
      'i.owner_user_id',
      'i.owner_unit_id',
      'i.due_on',
      'i.status',
      'i.outcome',
      'i.outcome_note',
      'i.completed_at',
      'i.completed_by',
      'i.created_at',
      'ou.name as owner_name',
      'ou.email as owner_email',
      'tu.name as owner_unit_name',
      'cu.name as completed_by_name',
      'cu.email as completed_by_email',
    ]);
}

/** A PSW's open action items, soonest due first: the PSW page, the agenda and the session summary. */
export function openActionItemsOf(db: DbOrTrx, organizationId: string, workerId: string) {
  return selectActionItems(db)
    .where('i.organization_id', '=', organizationId)
    .where('i.peer_worker_id', '=', workerId)
    .where('i.status', '=', 'open')
    .orderBy('i.due_on')
    .orderBy('i.id')
    .execute();
}

export type ActionItemSelection = Awaited<
  ReturnType<ReturnType<typeof selectActionItems>['executeTakeFirstOrThrow']>
>;

export function toActionItem(r: ActionItemSelection): ActionItem {
  const name = r.owner_name || r.owner_email;
  const owner: ActionOwner =
    r.owner_unit_id !== null
      ? {
          kind: 'team',
          unitId: r.owner_unit_id,
          unitName: r.owner_unit_name ?? '',
          userId: r.owner_user_id,
          name,
        }
      : { kind: 'member', userId: r.owner_user_id, name };
  return {
    id: r.id,
    workerId: r.peer_worker_id,
    cardResponseId: r.card_response_id,
    cardId: r.card_id,
    title: r.title,
    owner,
    ownerUserId: r.owner_user_id,
    dueOn: r.due_on,
    status: r.status === 'done' ? 'done' : 'open',
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
    completedByName: r.completed_by === null ? null : r.completed_by_name || r.completed_by_email || null,
    createdAt: r.created_at,
  };
}
