/** The database type every use case takes, and small helpers shared by their queries. */
import type { Database } from '@peerbridge/db';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';

/** The application database (a Kysely instance on SQLite or PostgreSQL). */
export type Db = Kysely<Database>;
/** A database or an open transaction: use cases that write take this inside their own transaction. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** A new random id for a row (UUID v4). */
export function newId(): string {
  return crypto.randomUUID();
}

/**
 * A new time-ordered id (UUID v7, monotonic within the process): rows of a history made in the same
 * millisecond sort by id in the order they were made.
 */
export function newOrderedId(): string {
  return uuidv7();
}

/** The current instant as ISO 8601 UTC text, as timestamps are stored. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's date (UTC) as YYYY-MM-DD, the default `asOf`. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
