/** The append-only audit log, chained by hash per organisation (ADR 0008), and each chain's head. */
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
  /** The chain this event belongs to: the organisation id, or '' outside any organisation. */
  chain: string;
  /** 1, 2, 3... within the chain. */
  seq: number;
  /** The previous event's hash (the genesis hash for seq 1). */
  prev_hash: string;
  /** SHA-256 (hex) of this event's canonical JSON, which includes prev_hash. */
  hash: string;
  /** The actor's display name when the event was written. */
  actor_name: string | null;
  /** The actor's roles in the organisation when the event was written, sorted, comma-separated. */
  actor_roles: string | null;
}

/** Where each chain ends: updated in the transaction of every append, which serialises appends. */
export interface AuditChainHeadTable {
  chain: string;
  seq: number;
  hash: string;
}

export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
