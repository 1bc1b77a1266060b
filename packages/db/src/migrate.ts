/** Applies the static migrations with Kysely's Migrator and reports what ran. */
import { Kysely, type Migration, type MigrationResult, Migrator, SqliteAdapter, sql } from 'kysely';
import type { DatabaseHandle } from './connection';
import { migrations } from './migrations';

export interface MigrationReport {
  /** Names of the migrations applied by this call, in order (empty when already up to date). */
  readonly applied: string[];
  /** Every known migration name, in order. */
  readonly known: string[];
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    message: string,
    readonly results: readonly MigrationResult[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema, frozen in time
type AnyKysely = Kysely<any>;

function toKysely(target: DatabaseHandle | AnyKysely): AnyKysely {
  return target instanceof Kysely ? target : target.db;
}

/**
 * Kysely runs SQLite migrations outside a transaction (it assumes no transactional DDL), so a
 * migration failing half-way would leave half its tables behind. SQLite does have transactional
 * DDL: wrap each migration in a savepoint so it applies completely or not at all.
 */
function atomicOnSqlite(migration: Migration): Migration {
  const run =
    (step: (db: AnyKysely) => Promise<void>) =>
    async (db: AnyKysely): Promise<void> => {
      if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return step(db);
      await sql`savepoint peerbridge_migration`.execute(db);
      try {
        await step(db);
      } catch (error) {
        await sql`rollback to peerbridge_migration`.execute(db);
        await sql`release peerbridge_migration`.execute(db);
        throw error;
      }
      await sql`release peerbridge_migration`.execute(db);
    };
  return { up: run(migration.up), ...(migration.down && { down: run(migration.down) }) };
}

function migratorFor(db: AnyKysely): Migrator {
  const wrapped = Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [name, atomicOnSqlite(m)]),
  );
  return new Migrator({ db, provider: { getMigrations: async () => wrapped } });
}

/**
 * Brings the schema up to date. Running it again is a no-op. Throws a `MigrationError` naming the
 * failed migration; a failed migration leaves nothing of itself behind (PostgreSQL runs the pending
 * migrations in one transaction, SQLite each one in a savepoint).
 */
export async function migrateToLatest(target: DatabaseHandle | AnyKysely): Promise<MigrationReport> {
  const { error, results = [] } = await migratorFor(toKysely(target)).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown migration';
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Database migration ${failed} failed: ${reason}`, results, { cause: error });
  }
  return {
    applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
    known: Object.keys(migrations),
  };
}

/** Lists migrations with whether each is applied, for `peerbridge migrate --status`. */
export async function migrationStatus(
  target: DatabaseHandle | AnyKysely,
): Promise<{ name: string; executedAt: string | null }[]> {
  const infos = await migratorFor(toKysely(target)).getMigrations();
  return infos.map((m) => ({ name: m.name, executedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}
