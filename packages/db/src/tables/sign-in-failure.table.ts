/** Failed sign-ins per account and per address (ADR 0023): the counters the back-off is computed from. */
import type { Selectable } from 'kysely';

export interface SignInFailureTable {
  /** 'account:<hmac hex>' or 'address:<hmac hex>'. */
  key: string;
  failures: number;
  /** ISO 8601 UTC. */
  first_failed_at: string;
  /** ISO 8601 UTC. */
  last_failed_at: string;
}

export type SignInFailureRow = Selectable<SignInFailureTable>;
