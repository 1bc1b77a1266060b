/** A researcher's API token (ADR 0021): only its SHA-256 is stored; revoked tokens stay for the audit trail. */
import type { Selectable } from 'kysely';

export interface ApiTokenTable {
  id: string;
  organization_id: string;
  user_id: string;
  name: string;
  /** Lowercase hex SHA-256 of the token. */
  token_hash: string;
  /** The token's first characters, shown in lists. */
  token_prefix: string;
  /** 'research' (the only scope). */
  scope: string;
  /** ISO 8601 UTC. */
  created_at: string;
  /** ISO 8601 UTC, or null while the token is valid. */
  revoked_at: string | null;
}

export type ApiTokenRow = Selectable<ApiTokenTable>;
