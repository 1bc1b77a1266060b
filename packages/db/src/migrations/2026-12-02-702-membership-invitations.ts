/**
 * Invitations to join an organisation for a person whose e-mail already has an account (ADR 0011): the
 * admin's create answers as for a new account, and the person accepts on sign-in instead of getting a
 * second account. Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('membership_invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    /** JSON array of roles, sorted. */
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('membership_invitation_org_user', ['organization_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('membership_invitation').execute();
}
