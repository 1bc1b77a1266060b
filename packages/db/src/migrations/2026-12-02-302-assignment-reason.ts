/**
 * Who made a supervisor assignment, and the reason an admin gave for assigning themselves (shown to
 * the other admins). Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('supervisor_assignment').addColumn('assigned_by', 'text').execute();
  await db.schema.alterTable('supervisor_assignment').addColumn('self_assignment_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('supervisor_assignment').dropColumn('self_assignment_reason').execute();
  await db.schema.alterTable('supervisor_assignment').dropColumn('assigned_by').execute();
}
