/** Client-generated request ids of create mutations and the answer each first request gave. */
import type { ColumnType, Insertable, Selectable } from 'kysely';

export interface IdempotentRequestTable {
  organization_id: string;
  user_id: string;
  request_id: string;
  operation: string;
  /** SHA-256 hex of the request's canonical content. */
  request_hash: string;
  /** JSON text of the first answer ('' while the first transaction is still open). */
  result: ColumnType<string, string | undefined, string>;
  created_at: string;
}

export type IdempotentRequestRow = Selectable<IdempotentRequestTable>;
export type NewIdempotentRequest = Insertable<IdempotentRequestTable>;
