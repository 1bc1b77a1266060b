/**
 * One team action as the actions page shows it (ADR 0042): the catalog card (its title is the card's
 * summary in the viewer's language), the unit whose team it is for (or the organisation), the published
 * period it came from, the accountable member, the due date and, once closed, the outcome. It names no
 * PSW and carries no count: only what the published view already showed.
 */
import type { ActionOutcome } from '../actions/action-item';
import type { DbOrTrx } from '../db';

export interface TeamAction {
  id: string;
  cardId: string;
  /** Null: for the organisation as a whole. */
  unit: { unitId: string; unitName: string } | null;
  period: string;
  owner: { userId: string; name: string };
  dueOn: string;
  status: 'open' | 'done';
  outcome: ActionOutcome | null;
  outcomeNote: string | null;
  completedAt: string | null;
  completedByName: string | null;
  createdAt: string;
}

export function selectTeamActions(db: DbOrTrx) {
  return db
    .selectFrom('team_action as t')
    .innerJoin('user as ou', 'ou.id', 't.owner_user_id')
    .leftJoin('unit as u', 'u.id', 't.unit_id')
    .leftJoin('user as cu', 'cu.id', 't.completed_by')
    .select([
      't.id',
      't.organization_id',
      't.unit_id',
      't.period',
      't.card_id',
      't.owner_user_id',
      't.due_on',
      't.status',
      't.outcome',
      't.outcome_note',
      't.completed_at',
      't.completed_by',
      't.created_at',
      'ou.name as owner_name',
      'ou.email as owner_email',
      'u.name as unit_name',
      'cu.name as completed_by_name',
      'cu.email as completed_by_email',
    ]);
}

export type TeamActionSelection = Awaited<
  ReturnType<ReturnType<typeof selectTeamActions>['executeTakeFirstOrThrow']>
>;

export function toTeamAction(r: TeamActionSelection): TeamAction {
  return {
    id: r.id,
    cardId: r.card_id,
    unit: r.unit_id === null ? null : { unitId: r.unit_id, unitName: r.unit_name ?? '' },
    period: r.period,
    owner: { userId: r.owner_user_id, name: r.owner_name || r.owner_email },
    dueOn: r.due_on,
    status: r.status === 'done' ? 'done' : 'open',
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    completedAt: r.completed_at,
    completedByName: r.completed_by === null ? null : r.completed_by_name || r.completed_by_email || null,
    createdAt: r.created_at,
  };
}
