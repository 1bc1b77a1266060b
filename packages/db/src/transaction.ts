/** Runs work in one transaction: all of it commits, or none of it does. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Runs `work` inside a transaction and returns its result; a throw rolls everything back.
 * Inside a transaction already, it just runs `work` on it (Kysely has no nested transactions).
 */
export async function withTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
