/**
 * The peer worker's own account (issue 12, ADR 0031): a `peer_worker` membership role, linked to
 * exactly one PSW record by `peer_worker_account`; a membership invitation may carry the PSW it links
 * and a one-time code (stored only as its SHA-256) with an expiry, through which a new account sets its
 * password; sessions get the summary the supervisor chose to share with the PSW. Frozen: never import
 * app code here.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

const withPeerWorker = sql`role in ('admin', 'supervisor', 'researcher', 'peer_worker')`;
const withoutPeerWorker = sql`role in ('admin', 'supervisor', 'researcher')`;

/** SQLite cannot change a CHECK in place: the membership table is rebuilt with the new one. */
async function rebuildMembership(db: Kysely<any>, check: ReturnType<typeof sql>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table membership drop constraint membership_role`.execute(db);
    await sql`alter table membership add constraint membership_role check (${check})`.execute(db);
    return;
  }
  await db.schema
    .createTable('membership_rebuilt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('membership_org_user_role_unique', ['organization_id', 'user_id', 'role'])
    .addCheckConstraint('membership_role', check)
    .execute();
  await sql`insert into membership_rebuilt (id, organization_id, user_id, role, created_at)
    select id, organization_id, user_id, role, created_at from membership`.execute(db);
  await db.schema.dropTable('membership').execute();
  await sql`alter table membership_rebuilt rename to membership`.execute(db);
  await db.schema.createIndex('membership_user_idx').on('membership').column('user_id').execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await rebuildMembership(db, withPeerWorker);
  await db.schema
    .createTable('peer_worker_account')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('peer_worker_id', 'text', (c) =>
      c.notNull().unique().references('peer_worker.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('peer_worker_account_pk', ['organization_id', 'user_id'])
    .execute();
  await db.schema
    .alterTable('membership_invitation')
    .addColumn('peer_worker_id', 'text', (c) => c.references('peer_worker.id').onDelete('cascade'))
    .execute();
  /** Hex SHA-256 of the one-time code; the code itself is shown once and never stored. */
  await db.schema.alterTable('membership_invitation').addColumn('code_hash', 'text').execute();
  /** ISO 8601 UTC: the code is refused from then on. */
  await db.schema.alterTable('membership_invitation').addColumn('expires_at', 'text').execute();
  await db.schema
    .createIndex('membership_invitation_code_hash')
    .unique()
    .on('membership_invitation')
    .column('code_hash')
    .execute();
  await db.schema.alterTable('supervision_session').addColumn('shared_summary', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('supervision_session').dropColumn('shared_summary').execute();
  await db.schema.dropIndex('membership_invitation_code_hash').execute();
  for (const column of ['expires_at', 'code_hash', 'peer_worker_id']) {
    await db.schema.alterTable('membership_invitation').dropColumn(column).execute();
  }
  await db.schema.dropTable('peer_worker_account').execute();
  await db.deleteFrom('membership').where('role', '=', 'peer_worker').execute();
  await rebuildMembership(db, withoutPeerWorker);
}
