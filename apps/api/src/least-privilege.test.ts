/**
 * The api on PostgreSQL with two roles, as docs/deploying.md sets it up: it migrates as the owner,
 * grants the app role its privileges, serves as the app role, and that role cannot rewrite the audit log.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, ownsAuditTable } from '@peerbridge/db';
import { testDialects } from '@peerbridge/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createLogger } from './logger';
import { startServer } from './server';
import { testEnv } from './test-support/test-server';

describe.each(testDialects().filter((d) => d === 'postgres'))(
  'the api with an owner and an app role on %s',
  () => {
    it('migrates as the owner, serves as the app role, which cannot update or truncate the audit log', async () => {
      const adminUrl = inject('postgresAdminUrl') as string;
      const suffix = randomBytes(4).toString('hex');
      const db = `t_api_roles_${suffix}`;
      const roles = { owner: `pb_owner_${suffix}`, app: `pb_app_${suffix}` };
      const admin = async (query: string) => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(query);
        } finally {
          await client.end();
        }
      };
      const urlAs = (role: string) =>
        adminUrl.replace(/\/\/[^@/]*@/, `//${role}:x@`).replace(/\/postgres$/, `/${db}`);
      await admin(`create role ${roles.owner} login password 'x'`);
      await admin(`create role ${roles.app} login password 'x'`);
      await admin(`create database ${db} owner ${roles.owner}`);
      try {
        const env = testEnv({
          DATABASE_URL: urlAs(roles.app),
          MIGRATION_DATABASE_URL: urlAs(roles.owner),
          PORT: '0',
        });
        const server = await startServer({ env, logger: createLogger(env), seedDemo: true });
        try {
          expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
          const app = await openDatabase({ url: urlAs(roles.app) });
          try {
            expect(await ownsAuditTable(app.db)).toBe(false);
            expect(
              Number(
                (
                  await app.db
                    .selectFrom('audit_event')
                    .select((eb) => eb.fn.countAll().as('n'))
                    .executeTakeFirstOrThrow()
                ).n,
              ),
            ).toBeGreaterThan(0);
            await expect(sql`update audit_event set action = 'x'`.execute(app.db)).rejects.toThrow(
              /permission denied/,
            );
            await expect(sql`truncate audit_event`.execute(app.db)).rejects.toThrow(/permission denied/);
            await expect(sql`alter table audit_event disable trigger all`.execute(app.db)).rejects.toThrow(
              /must be owner/,
            );
          } finally {
            await app.destroy();
          }
        } finally {
          await server.stop();
        }
        const same = testEnv({
          DATABASE_URL: urlAs(roles.owner),
          MIGRATION_DATABASE_URL: urlAs(roles.owner),
          PORT: '0',
        });
        await expect(startServer({ env: same, logger: createLogger(same) })).rejects.toThrow(
          /connect as the same role/,
        );
      } finally {
        await admin(`drop database if exists ${db} with (force)`);
        await admin(`drop role if exists ${roles.app}`);
        await admin(`drop role if exists ${roles.owner}`);
      }
    }, 60_000);
  },
);
