/** Supervision sessions, observations, card responses and action items. */
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export type SessionKind = 'individual' | 'group' | 'informal';
export type ObservationSourceName = 'supervision' | 'self_report' | 'interview' | 'import';
export type CardDecision = 'accepted' | 'overridden';
export type ActionItemStatus = 'open' | 'done';

export interface SupervisionSessionTable {
  id: string;
  organization_id: string;
  peer_worker_id: string;
  supervisor_user_id: string;
  /** `YYYY-MM-DD`. */
  held_on: string;
  kind: SessionKind;
  minutes: number | null;
  private_notes: string | null;
  /** What the supervisor chose to share with the PSW (ADR 0031); private_notes never reach them. */
  shared_summary: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  /** 1 when the supervisor recorded "held, nothing to record" (the session has no other content). */
  nothing_to_record: ColumnType<number, number | undefined, number>;
  /** 1 when recorded, one more with each amendment or void (the client sends it back when it amends). */
  revision: ColumnType<number, number | undefined, number>;
  /** Set once, when the session is voided: it then leaves the evidence but stays listed (ADR 0010). */
  voided_at: ColumnType<string | null, string | null | undefined, string | null>;
  voided_by: ColumnType<string | null, string | null | undefined, string | null>;
  void_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export type SessionChange = 'amend' | 'void';

/** The content a session's amendment or void replaced, kept whole (ADR 0010). */
export interface SupervisionSessionRevisionTable {
  id: string;
  organization_id: string;
  session_id: string;
  /** The revision number of the stored content (the version the change replaced). */
  revision: number;
  change: SessionChange;
  /** JSON text of `StoredSessionContent`. */
  previous: string;
  reason: string;
  changed_by: string;
  changed_at: string;
}

/** What `supervision_session_revision.previous` holds. */
export interface StoredSessionContent {
  held_on: string;
  kind: SessionKind;
  minutes: number | null;
  private_notes: string | null;
  nothing_to_record: number;
  /** The session's observation rows as they were (they leave `observation` with the change). */
  observations: {
    id: string;
    indicator: string;
    value: number;
    observed_at: string;
    source: ObservationSourceName;
    note: string | null;
    recorded_by: string | null;
    created_at: string;
  }[];
}

export interface ObservationTable {
  id: string;
  organization_id: string;
  /** Exactly one of peer_worker_id and unit_id is set (a CHECK enforces it). */
  peer_worker_id: string | null;
  unit_id: string | null;
  indicator: string;
  /** likert 1..5, bool 0/1, or an event count. */
  value: number;
  /** `YYYY-MM-DD`. */
  observed_at: string;
  source: ObservationSourceName;
  source_ref: string | null;
  recorded_by: string | null;
  note: string | null;
  session_id: string | null;
  created_at: string;
}

export interface CardResponseTable {
  id: string;
  organization_id: string;
  peer_worker_id: string;
  card_id: string;
  /** `YYYY-MM-DD`: the assessment date the card was produced for. */
  as_of: string;
  decision: CardDecision;
  /** Required (non-blank) when overridden: a CHECK enforces it. */
  reason: string | null;
  responded_by: string;
  responded_at: string;
}

/** How a closed action ended (ADR 0030). */
export type ActionOutcome = 'done' | 'not_needed' | 'did_not_help';

export interface ActionItemTable {
  id: string;
  organization_id: string;
  peer_worker_id: string;
  card_response_id: string | null;
  /** The catalog card it came from: the title is read from the catalog in the viewer's language. */
  card_id: string | null;
  /** A title someone typed; null when the catalog gives it. */
  title: string | null;
  /** The member who answers for it, for a team action too. */
  owner_user_id: string;
  /** Set when the action is for the team of this unit. */
  owner_unit_id: string | null;
  due_on: string | null;
  status: ColumnType<ActionItemStatus, ActionItemStatus | undefined, ActionItemStatus>;
  outcome: ActionOutcome | null;
  outcome_note: string | null;
  completed_at: string | null;
  completed_by: string | null;
  created_at: string;
}

/** One change of an action: assigned (created or handed on), closed with an outcome, reopened. Never updated. */
export interface ActionItemEventTable {
  id: string;
  organization_id: string;
  action_item_id: string;
  kind: 'assigned' | 'closed' | 'reopened';
  owner_user_id: string | null;
  owner_unit_id: string | null;
  due_on: string | null;
  outcome: ActionOutcome | null;
  note: string | null;
  actor_user_id: string;
  at: string;
}

/** A PSW's comment on the summary of one of their sessions (ADR 0031); never edited. */
export interface SessionCommentTable {
  id: string;
  organization_id: string;
  session_id: string;
  author_user_id: string;
  body: string;
  created_at: string;
}

/** One check-in of a PSW (ADR 0039); what they shared is in `observation` with source_ref = id. */
export interface CheckInTable {
  id: string;
  organization_id: string;
  peer_worker_id: string;
  author_user_id: string;
  answered_on: string;
  created_at: string;
}

/** An answer the PSW kept for themselves, or a burnout instrument answer: read by their own record only. */
export interface OwnCheckInAnswerTable {
  id: string;
  organization_id: string;
  check_in_id: string;
  question: string;
  value: number;
}

/** The next supervision, planned (ADR 0036); open while neither cancelled nor held. */
export interface PlannedSessionTable {
  id: string;
  organization_id: string;
  peer_worker_id: string;
  /** `YYYY-MM-DD`. */
  planned_on: string;
  /** `HH:MM`, or null when only the day is planned. */
  planned_time: string | null;
  kind: SessionKind | null;
  planned_by: string;
  created_at: string;
  updated_at: string;
  cancelled_at: ColumnType<string | null, string | null | undefined, string | null>;
  cancelled_by: ColumnType<string | null, string | null | undefined, string | null>;
  held_session_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type SupervisionSessionRow = Selectable<SupervisionSessionTable>;
export type NewSupervisionSession = Insertable<SupervisionSessionTable>;
export type SupervisionSessionRevisionRow = Selectable<SupervisionSessionRevisionTable>;
export type ObservationRow = Selectable<ObservationTable>;
export type NewObservation = Insertable<ObservationTable>;
export type CardResponseRow = Selectable<CardResponseTable>;
export type NewCardResponse = Insertable<CardResponseTable>;
export type ActionItemRow = Selectable<ActionItemTable>;
export type NewActionItem = Insertable<ActionItemTable>;
export type ActionItemUpdate = Updateable<ActionItemTable>;
export type ActionItemEventRow = Selectable<ActionItemEventTable>;
