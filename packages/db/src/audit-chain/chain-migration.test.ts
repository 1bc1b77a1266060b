import { createTestDatabase, testDialects } from '@peerbridge/testing';
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { migrateToLatest } from '../migrate';
import { migrations } from '../migrations';
import { verifyAuditChain } from './verify-chain';

describe.each(testDialects())('the audit chain migration on %s', (dialect) => {
  it('chains the events written before it, per organisation, in time order, with the actor as known then', async () => {
    const tdb = await createTestDatabase(dialect);
    const handle = await openDatabase({ url: tdb.url });
    try {
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
      const { error } = await migrator.migrateTo('2026-11-26-007-observation-assess-covering');
      expect(error).toBeUndefined();
      const db = handle.db as unknown as import('kysely').Kysely<any>;
      const now = '2026-11-01T08:00:00.000Z';
      await db
        .insertInto('organization')
        .values({ id: 'org-1', name: 'Synthetic Trust', created_at: now })
        .execute();
      await db
        .insertInto('user')
        .values({
          id: 'u-1',
          name: 'Synthetic Admin',
          email: 'a@example.test',
          emailVerified: 0,
          image: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await db
        .insertInto('membership')
        .values([
          { id: 'm-1', organization_id: 'org-1', user_id: 'u-1', role: 'supervisor', created_at: now },
          { id: 'm-2', organization_id: 'org-1', user_id: 'u-1', role: 'admin', created_at: now },
        ])
        .execute();
      const legacy = (id: string, at: string, org: string | null) => ({
        id,
        organization_id: org,
        actor_user_id: org ? 'u-1' : null,
        action: 'worker.read',
        entity_type: 'peer_worker',
        entity_id: null,
        at,
        details: '{"legacy":true}',
      });
      await db
        .insertInto('audit_event')
        .values([
          legacy('e-3', '2026-11-03T00:00:00.000Z', 'org-1'),
          legacy('e-1', '2026-11-01T00:00:00.000Z', 'org-1'),
          legacy('e-2', '2026-11-02T00:00:00.000Z', 'org-1'),
          legacy('e-0', '2026-11-02T00:00:00.000Z', null),
        ])
        .execute();
      await migrateToLatest(handle);
      const rows = await handle.db
        .selectFrom('audit_event')
        .select(['id', 'chain', 'seq', 'actor_name', 'actor_roles'])
        .orderBy('chain')
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => [r.id, r.chain, Number(r.seq), r.actor_name, r.actor_roles])).toEqual([
        ['e-0', '', 1, null, null],
        ['e-1', 'org-1', 1, 'Synthetic Admin', 'admin,supervisor'],
        ['e-2', 'org-1', 2, 'Synthetic Admin', 'admin,supervisor'],
        ['e-3', 'org-1', 3, 'Synthetic Admin', 'admin,supervisor'],
      ]);
      const report = await verifyAuditChain(handle.db);
      expect(report.ok).toBe(true);
      expect(report.eventsChecked).toBe(4);
    } finally {
      await handle.destroy();
      await tdb.drop();
    }
  });
});
