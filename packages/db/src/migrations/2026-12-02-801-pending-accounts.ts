/**
 * The admin's user list shows a new account and an invitation of an existing one alike (ADR 0011):
 * invitations keep the name and e-mail the admin typed, and `user_first_sign_in` tells a new account
 * that has never signed in ("invited") from one that has. Accounts that exist when this runs count as
 * signed in. Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('membership_invitation').addColumn('name', 'text').execute();
  await db.schema.alterTable('membership_invitation').addColumn('email', 'text').execute();
  await db.schema
    .createTable('user_first_sign_in')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
    /** ISO 8601 UTC. */
    .addColumn('signed_in_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into user_first_sign_in (user_id, signed_in_at) select id, ${new Date().toISOString()} from "user"`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_first_sign_in').execute();
  await db.schema.alterTable('membership_invitation').dropColumn('email').execute();
  await db.schema.alterTable('membership_invitation').dropColumn('name').execute();
}
