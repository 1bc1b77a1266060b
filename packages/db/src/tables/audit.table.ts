/** The append-only audit log (UPDATE and DELETE are refused by a trigger). */
import type { ColumnType, Insertable, Selectable } from 'kysely';

export interface AuditEventTable {
  id: string;
  organization_id: string | null;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** ISO 8601 UTC timestamp. */
  at: string;
  /** JSON text. */
  details: ColumnType<string, string | undefined, never>;
}

export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
