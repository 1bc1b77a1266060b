/** The notification centre (ADR 0037): conditions that started, read marks per member, digests sent. */
import type { Selectable } from 'kysely';

export type NotificationKind = 'supervision_due' | 'action_overdue' | 'conflict_severe';

export interface NotificationTable {
  id: string;
  organization_id: string;
  kind: NotificationKind;
  peer_worker_id: string;
  action_item_id: string | null;
  conflict_id: string | null;
  /** YYYY-MM-DD: the first day the condition held. */
  since_on: string;
  /** YYYY-MM-DD: the first day it no longer held; null while it holds. */
  resolved_on: string | null;
  /** kind, PSW, action or conflict and start, joined (unique). */
  condition_key: string;
  created_at: string;
}

export interface NotificationReadTable {
  notification_id: string;
  user_id: string;
  read_at: string;
}

export interface DigestSentTable {
  user_id: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  item_count: number;
  claimed_at: string;
  sent_at: string | null;
}

export type NotificationRow = Selectable<NotificationTable>;
