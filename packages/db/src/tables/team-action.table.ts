/** Actions for a team or the organisation, from a card of the published team view (ADR 0042). */
import type { ColumnType, Selectable } from 'kysely';
import type { ActionItemStatus, ActionOutcome } from './supervision.table';

export interface TeamActionTable {
  id: string;
  organization_id: string;
  /** Null: for the organisation as a whole. */
  unit_id: string | null;
  /** The published period (`YYYY-MM`) the card was accepted from. */
  period: string;
  card_id: string;
  owner_user_id: string;
  due_on: string;
  status: ColumnType<ActionItemStatus, ActionItemStatus | undefined, ActionItemStatus>;
  outcome: ActionOutcome | null;
  outcome_note: string | null;
  completed_at: string | null;
  completed_by: string | null;
  created_by: string;
  created_at: string;
}

/** One change of a team action: assigned, closed with an outcome, reopened. Never updated. */
export interface TeamActionEventTable {
  id: string;
  organization_id: string;
  team_action_id: string;
  kind: 'assigned' | 'closed' | 'reopened';
  outcome: ActionOutcome | null;
  note: string | null;
  actor_user_id: string;
  at: string;
}

export type TeamActionRow = Selectable<TeamActionTable>;
