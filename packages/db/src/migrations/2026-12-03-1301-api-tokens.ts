/**
 * API tokens for the remote CLI (ADR 0021): a researcher's token, scoped to research, stored only as the
 * SHA-256 of the token (the token is shown once). Revoked tokens stay, so their refused uses can be
 * attributed and audited. Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    /** What the token is for, as its owner named it (e.g. "laptop"). */
    .addColumn('name', 'text', (c) => c.notNull())
    /** Lowercase hex SHA-256 of the whole token. */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** The token's first characters, to tell tokens apart in a list (never enough to use). */
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    /** The only scope there is: 'research'. */
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_token_user').on('api_token').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_token').execute();
}
