/**
 * One stored assessment per PSW (ADR 0026): what the caseload shows, computed as of one day in the
 * transaction of every change to its inputs, so a caseload read needs no evidence when every row is
 * of the asked day. The columns beside the payload are the non-evidence inputs it was computed from:
 * a row whose inputs differ from the PSW's current ones is stale and is not served. Frozen: never
 * import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('worker_assessment')
    .addColumn('peer_worker_id', 'text', (c) =>
      c.primaryKey().references('peer_worker.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    /** YYYY-MM-DD: the `asOf` the assessment was computed for. */
    .addColumn('as_of', 'text', (c) => c.notNull())
    /** '<ruleset id>@<version>'. */
    .addColumn('ruleset', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('unit_setting', 'text', (c) => c.notNull())
    .addColumn('cadence_days', 'integer', (c) => c.notNull())
    .addColumn('last_session_on', 'text')
    /** JSON: the assessment summary, tenure and the new self-reports the need is ranked from. */
    .addColumn('payload', 'text', (c) => c.notNull())
    /** ISO 8601 UTC. */
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  // The background refresh looks for an organisation's rows of another day.
  await db.schema
    .createIndex('worker_assessment_org_as_of')
    .on('worker_assessment')
    .columns(['organization_id', 'as_of'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('worker_assessment').execute();
}
