import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testDialects } from '@peerbridge/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  anOrganization,
  aUser,
  type MigratedTestDatabase,
  openMigratedTestDatabase,
} from '../migrated-test-database';
import { appendAuditEvents } from '../repositories/audit.repository';
import { isPostgres } from '../repositories/bulk-insert';
import { takeAuditCheckpoint } from './checkpoint';
import { eventHash } from './event-hash';
import { withGuardsLifted } from './tamper.test-support';
import { verifyAuditChain } from './verify-chain';

describe.each(testDialects())('audit chain verification on %s', (dialect) => {
  let t: MigratedTestDatabase;
  let org: string;
  let other: string;
  let actor: string;
  let ids: string[];

  beforeEach(async () => {
    t = await openMigratedTestDatabase(dialect);
    org = await anOrganization(t.db);
    other = await anOrganization(t.db);
    actor = await aUser(t.db, { name: 'Synthetic Supervisor' });
    const events = Array.from({ length: 8 }, (_, i) => ({
      actorUserId: actor,
      action: 'session_notes.read',
      entityType: 'peer_worker',
      entityId: `w-${i}`,
      details: { n: i },
    }));
    ids = [];
    for (const e of events) for (const r of await appendAuditEvents(t.db, org, [e])) ids.push(r.id);
    await appendAuditEvents(t.db, other, events.slice(0, 3));
    await appendAuditEvents(t.db, null, [{ actorUserId: null, action: 'auth.failed', entityType: 'user' }]);
  });
  afterEach(() => t.close());

  const row = (id: string) =>
    t.db.selectFrom('audit_event').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('passes on an untouched database and reports every chain head', async () => {
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(true);
    expect(report.breaks).toEqual([]);
    expect(report.missingGuards).toEqual([]);
    expect(report.eventsChecked).toBe(12);
    expect(report.heads.map((h) => [h.organizationId, h.seq]).sort()).toEqual(
      [
        [null, 1],
        [org, 8],
        [other, 3],
      ].sort(),
    );
  });

  it('names an event whose content was updated', async () => {
    await withGuardsLifted(t.db, async () => {
      await t.db
        .updateTable('audit_event')
        .set({ actor_name: 'Someone Else' })
        .where('id', '=', ids[3] as string)
        .execute();
    });
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(report.missingGuards).toEqual([]);
    expect(report.breaks).toEqual([
      {
        organizationId: org,
        seq: 4,
        eventId: ids[3],
        reason: expect.stringMatching(/content does not match/),
      },
    ]);
  });

  it('names an event replaced by another row (REPLACE INTO on SQLite, delete + insert on PostgreSQL)', async () => {
    const target = ids[5] as string;
    if (isPostgres(t.db)) {
      await withGuardsLifted(t.db, async () => {
        const old = await row(target);
        await t.db.deleteFrom('audit_event').where('id', '=', target).execute();
        await t.db
          .insertInto('audit_event')
          .values({ ...old, action: 'nothing.happened' })
          .execute();
      });
    } else {
      // The delete half of REPLACE fires no DELETE trigger, and the new row fits the chain's place.
      await sql`replace into audit_event select id, organization_id, actor_user_id, 'nothing.happened',
        entity_type, entity_id, at, details, chain, seq, prev_hash, hash, actor_name, actor_roles
        from audit_event where id = ${target}`.execute(t.db);
    }
    expect((await row(target)).action).toBe('nothing.happened');
    const report = await verifyAuditChain(t.db);
    expect(report.breaks).toEqual([
      {
        organizationId: org,
        seq: 6,
        eventId: target,
        reason: expect.stringMatching(/content does not match/),
      },
    ]);
  });

  it('names the place of a deleted event and the one after the gap', async () => {
    await withGuardsLifted(t.db, async () => {
      await t.db
        .deleteFrom('audit_event')
        .where('id', '=', ids[2] as string)
        .execute();
    });
    const report = await verifyAuditChain(t.db);
    expect(report.breaks).toEqual([
      { organizationId: org, seq: 3, eventId: ids[3], reason: expect.stringMatching(/event 3 is missing/) },
    ]);
  });

  it('names an event inserted with a well-formed hash past the chain head', async () => {
    const last = await row(ids[7] as string);
    const forged = {
      ...last,
      id: 'forged-event',
      seq: 9,
      prev_hash: last.hash,
      action: 'worker.read',
      entity_id: 'w-forged',
    };
    const hash = eventHash({
      id: forged.id,
      organizationId: org,
      seq: 9,
      prevHash: forged.prev_hash,
      actorUserId: forged.actor_user_id,
      actorName: forged.actor_name,
      actorRoles: forged.actor_roles,
      action: forged.action,
      entityType: forged.entity_type,
      entityId: forged.entity_id,
      at: forged.at,
      details: forged.details,
    });
    await withGuardsLifted(t.db, async () => {
      await t.db
        .insertInto('audit_event')
        .values({ ...forged, hash })
        .execute();
    });
    const report = await verifyAuditChain(t.db);
    expect(report.breaks).toEqual([
      {
        organizationId: org,
        seq: 9,
        eventId: 'forged-event',
        reason: expect.stringMatching(/past the chain head/),
      },
    ]);
  });

  it('names an event inserted in the middle with its place shifted', async () => {
    await withGuardsLifted(t.db, async () => {
      const fifth = await row(ids[4] as string);
      await t.db
        .insertInto('audit_event')
        .values({ ...fifth, id: 'squeezed-in', seq: 0, action: 'worker.read' })
        .execute();
    });
    const report = await verifyAuditChain(t.db);
    expect(report.breaks).toEqual([
      {
        organizationId: org,
        seq: 0,
        eventId: 'squeezed-in',
        reason: expect.stringMatching(/no place in the chain/),
      },
    ]);
  });

  it('reports a dropped or disabled guarding trigger even when the chain is intact', async () => {
    if (isPostgres(t.db))
      await sql`alter table audit_event disable trigger audit_event_append_only`.execute(t.db);
    else await sql`drop trigger audit_event_no_delete`.execute(t.db);
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([]);
    expect(report.missingGuards).toEqual([
      isPostgres(t.db)
        ? 'trigger audit_event_append_only (disabled)'
        : 'trigger audit_event_no_delete (missing)',
    ]);
  });

  it('catches a truncated tail from the chain head, and against a checkpoint when the head was moved back too', async () => {
    const checkpoint = await takeAuditCheckpoint(t.db);
    await withGuardsLifted(t.db, async () => {
      await t.db
        .deleteFrom('audit_event')
        .where('id', 'in', [ids[6] as string, ids[7] as string])
        .execute();
    });
    expect((await verifyAuditChain(t.db)).breaks).toEqual([
      { organizationId: org, seq: 7, eventId: null, reason: expect.stringMatching(/tail truncated/) },
    ]);
    // A careful attacker also moves the head back: only the checkpoint still knows.
    const sixth = await row(ids[5] as string);
    await withGuardsLifted(t.db, async () => {
      await t.db
        .updateTable('audit_chain_head')
        .set({ seq: 6, hash: sixth.hash })
        .where('chain', '=', org)
        .execute();
    });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const report = await verifyAuditChain(t.db, { checkpoint });
    expect(report.breaks).toEqual([
      {
        organizationId: org,
        seq: 8,
        eventId: null,
        reason: expect.stringMatching(/checkpoint reached 8 \(tail truncated\)/),
      },
    ]);
  });

  it('catches a chain recomputed from a changed event onwards, but only against a checkpoint', async () => {
    const checkpoint = await takeAuditCheckpoint(t.db);
    await withGuardsLifted(t.db, async () => {
      const rows = await t.db
        .selectFrom('audit_event')
        .selectAll()
        .where('chain', '=', org)
        .orderBy('seq')
        .execute();
      let prev = rows[1]?.hash as string;
      for (const r of rows.slice(2)) {
        const changed = { ...r, prev_hash: prev, actor_name: r.seq === 3 ? 'Someone Else' : r.actor_name };
        const hash = eventHash({
          id: changed.id,
          organizationId: org,
          seq: changed.seq,
          prevHash: prev,
          actorUserId: changed.actor_user_id,
          actorName: changed.actor_name,
          actorRoles: changed.actor_roles,
          action: changed.action,
          entityType: changed.entity_type,
          entityId: changed.entity_id,
          at: changed.at,
          details: changed.details,
        });
        await t.db
          .updateTable('audit_event')
          .set({ prev_hash: prev, hash, actor_name: changed.actor_name })
          .where('id', '=', r.id)
          .execute();
        prev = hash;
      }
      await t.db.updateTable('audit_chain_head').set({ hash: prev }).where('chain', '=', org).execute();
    });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    expect((await verifyAuditChain(t.db, { checkpoint })).breaks).toEqual([
      {
        organizationId: org,
        seq: 8,
        eventId: ids[7],
        reason: expect.stringMatching(/differs from the checkpoint/),
      },
    ]);
  });

  it('checks a bounded tail and continues incrementally from verified positions', async () => {
    const tail = await verifyAuditChain(t.db, { mode: 'tail', tail: 2 });
    expect(tail.ok).toBe(true);
    expect(tail.eventsChecked).toBe(2 + 2 + 1);
    await appendAuditEvents(t.db, org, [{ actorUserId: actor, action: 'x', entityType: 'y' }]);
    const next = await verifyAuditChain(t.db, { mode: 'from', from: tail.heads });
    expect(next.ok).toBe(true);
    // The remembered position of each chain, plus the one new event.
    expect(next.eventsChecked).toBe(3 + 1);
    // A change at a remembered position is caught on the next incremental run.
    await withGuardsLifted(t.db, async () => {
      await t.db
        .updateTable('audit_event')
        .set({ action: 'changed' })
        .where('id', '=', ids[7] as string)
        .execute();
    });
    const after = await verifyAuditChain(t.db, { mode: 'from', from: tail.heads });
    expect(after.breaks.map((b) => [b.seq, b.eventId])).toEqual([[8, ids[7]]]);
  });
});

describe.each(testDialects())('concurrent appends on %s', (dialect) => {
  it('keep one chain: four processes appending to one organisation at once, no fork and no gap', async () => {
    const t = await openMigratedTestDatabase(dialect);
    try {
      const org = await anOrganization(t.db);
      const actor = await aUser(t.db);
      const script = fileURLToPath(new URL('./append-process.test-support.ts', import.meta.url));
      const run = (label: string) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            ['--import', 'tsx', script, t.handle.url, org, actor, '25', label],
            {
              stdio: ['ignore', 'ignore', 'pipe'],
            },
          );
          let stderr = '';
          child.stderr.on('data', (d) => {
            stderr += String(d);
          });
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`${label} exited ${code}: ${stderr}`)),
          );
        });
      await Promise.all(['a', 'b', 'c', 'd'].map(run));
      const report = await verifyAuditChain(t.db);
      expect(report.breaks).toEqual([]);
      expect(report.ok).toBe(true);
      const rows = await t.db
        .selectFrom('audit_event')
        .select(['seq', 'entity_id'])
        .where('chain', '=', org)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      // Every writer's events are all there.
      const labels = rows.map((r) => r.entity_id?.split('-')[0]);
      for (const l of ['a', 'b', 'c', 'd']) expect(labels.filter((x) => x === l).length).toBe(25);
    } finally {
      await t.close();
    }
  }, 60_000);
});
