import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAuditEvents, type DatabaseHandle, openDatabase } from '@peerbridge/db';
import { withGuardsLifted } from '@peerbridge/db/audit-tamper';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initializedDatabase, runCli } from '../../test/cli-harness';

type Tamper = (h: DatabaseHandle, target: { id: string; seq: number; org: string }) => Promise<void>;

/** Each way of rewriting the log, and what `audit verify` must then say. */
const tampering: [string, Tamper, RegExp][] = [
  [
    'update',
    (h, e) =>
      withGuardsLifted(h.db, async () => {
        await h.db
          .updateTable('audit_event')
          .set({ actor_name: 'Someone Else' })
          .where('id', '=', e.id)
          .execute();
      }),
    /event #(\d+) id (\S+): content does not match its hash/,
  ],
  [
    'replace',
    async (h, e) => {
      if (h.dialect === 'sqlite') {
        await sql`replace into audit_event select id, organization_id, actor_user_id, 'nothing.happened',
          entity_type, entity_id, at, details, chain, seq, prev_hash, hash, actor_name, actor_roles
          from audit_event where id = ${e.id}`.execute(h.db);
        return;
      }
      await withGuardsLifted(h.db, async () => {
        const old = await h.db
          .selectFrom('audit_event')
          .selectAll()
          .where('id', '=', e.id)
          .executeTakeFirstOrThrow();
        await h.db.deleteFrom('audit_event').where('id', '=', e.id).execute();
        await h.db
          .insertInto('audit_event')
          .values({ ...old, action: 'nothing.happened' })
          .execute();
      });
    },
    /event #(\d+) id (\S+): content does not match its hash/,
  ],
  [
    'delete',
    (h, e) =>
      withGuardsLifted(h.db, async () => {
        await h.db.deleteFrom('audit_event').where('id', '=', e.id).execute();
      }),
    /event #(\d+) id \S+: event \d+ is missing \(deleted\)/,
  ],
  [
    'insert',
    (h, e) =>
      withGuardsLifted(h.db, async () => {
        const old = await h.db
          .selectFrom('audit_event')
          .selectAll()
          .where('id', '=', e.id)
          .executeTakeFirstOrThrow();
        await h.db
          .insertInto('audit_event')
          .values({ ...old, id: 'forged-event', seq: 0 })
          .execute();
      }),
    /event #0 id forged-event: event has no place in the chain/,
  ],
  [
    'dropped trigger',
    async (h) => {
      if (h.dialect === 'sqlite') await sql`drop trigger audit_event_no_update`.execute(h.db);
      else await sql`drop trigger audit_event_append_only on audit_event`.execute(h.db);
    },
    /guard trigger audit_event_(no_update|append_only) \(missing\)/,
  ],
];

describe.each(testDialects())('peerbridge audit verify on %s', (dialect) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let org: string;
  let ids: string[];
  let dir: string;

  beforeEach(async () => {
    database = await initializedDatabase(dialect);
    handle = await openDatabase({ url: database.url });
    org = (await handle.db.selectFrom('organization').select('id').executeTakeFirstOrThrow()).id;
    ids = [];
    for (let i = 0; i < 6; i++) {
      const [e] = await appendAuditEvents(handle.db, org, [
        { actorUserId: null, action: 'session_notes.read', entityType: 'peer_worker', entityId: `w-${i}` },
      ]);
      ids.push(e?.id as string);
    }
    dir = mkdtempSync(join(tmpdir(), 'peerbridge-verify-'));
  });
  afterEach(async () => {
    await handle.destroy();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const target = async (n: number) => {
    const row = await handle.db
      .selectFrom('audit_event')
      .select(['id', 'seq'])
      .where('id', '=', ids[n] as string)
      .executeTakeFirstOrThrow();
    return { id: row.id, seq: Number(row.seq), org };
  };

  it('exits 0 on an untouched database and says how much it checked', async () => {
    const run = await runCli(['--db', database.url, 'audit', 'verify']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Audit chain intact: .*, 1 chain, \d+ events checked/);
    const json = await runCli(['--db', database.url, '--json', 'audit', 'verify']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, breaks: [], missingGuards: [] });
  });

  it.each(tampering)('exits 6 and names the event after a %s', async (_kind, tamper, expected) => {
    const e = await target(2);
    await tamper(handle, e);
    const run = await runCli(['--db', database.url, 'audit', 'verify']);
    expect(run.code).toBe(6);
    expect(run.stdout).toContain('Audit chain BROKEN');
    const match = run.stdout.match(expected);
    expect(match, run.stdout).not.toBeNull();
    if (_kind === 'update' || _kind === 'replace') expect(match?.slice(1)).toEqual([String(e.seq), e.id]);
    if (_kind === 'delete') expect(match?.[1]).toBe(String(e.seq));
    if (_kind !== 'dropped trigger') expect(run.stdout).toContain(`organisation ${org}`);
  });

  it('exits 6 on a truncated tail against a checkpoint, even with the chain head moved back', async () => {
    const checkpointFile = join(dir, 'checkpoint.json');
    const taken = await runCli(['--db', database.url, '--json', 'audit', 'verify']);
    const heads = JSON.parse(taken.stdout).heads;
    writeFileSync(
      checkpointFile,
      JSON.stringify({
        format: 'peerbridge-audit-checkpoint/1',
        takenAt: new Date().toISOString(),
        chains: heads,
      }),
    );
    const keep = await target(3);
    const kept = await handle.db
      .selectFrom('audit_event')
      .select('hash')
      .where('id', '=', keep.id)
      .executeTakeFirstOrThrow();
    await withGuardsLifted(handle.db, async () => {
      await handle.db
        .deleteFrom('audit_event')
        .where('chain', '=', org)
        .where('seq', '>', keep.seq)
        .execute();
      await handle.db
        .updateTable('audit_chain_head')
        .set({ seq: keep.seq, hash: kept.hash })
        .where('chain', '=', org)
        .execute();
    });
    expect((await runCli(['--db', database.url, 'audit', 'verify'])).code).toBe(0);
    const run = await runCli(['--db', database.url, 'audit', 'verify', '--checkpoint', checkpointFile]);
    expect(run.code).toBe(6);
    expect(run.stdout).toMatch(
      new RegExp(
        `event #\\d+: chain ends at ${keep.seq} but the checkpoint reached \\d+ \\(tail truncated\\)`,
      ),
    );
  });

  it('reads the checkpoint from an api log of JSON lines, and names the line of a bad one', async () => {
    const taken = JSON.parse((await runCli(['--db', database.url, '--json', 'audit', 'verify'])).stdout);
    const log = join(dir, 'api.log');
    const line = (chains: unknown) =>
      JSON.stringify({
        level: 30,
        msg: 'audit checkpoint',
        auditCheckpoint: {
          format: 'peerbridge-audit-checkpoint/1',
          takenAt: '2026-12-02T10:00:00.000Z',
          chains,
        },
      });
    writeFileSync(log, `${JSON.stringify({ level: 30, msg: 'request' })}\n${line(taken.heads)}\n`);
    expect((await runCli(['--db', database.url, 'audit', 'verify', '--checkpoint', log])).code).toBe(0);
    writeFileSync(log, `${line([{ organizationId: org, seq: 1, hash: 'nope' }])}\n`);
    const bad = await runCli(['--db', database.url, 'audit', 'verify', '--checkpoint', log]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('line 1: auditCheckpoint.chains.0.hash: expected a 64-digit hex SHA-256');
  });
});

describe('peerbridge backup and the audit checkpoint (SQLite; PostgreSQL backs up with pg_dump)', () => {
  let database: TestDatabase;
  let dir: string;
  beforeEach(async () => {
    database = await initializedDatabase('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'peerbridge-verify-'));
  });
  afterEach(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes an audit checkpoint beside every backup, which verify then accepts', async () => {
    const out = join(dir, 'copy.db');
    const run = await runCli(['--db', database.url, 'backup', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${out}.audit-checkpoint.json`);
    expect(
      (await runCli(['--db', out, 'audit', 'verify', '--checkpoint', `${out}.audit-checkpoint.json`])).code,
    ).toBe(0);
    expect(
      (
        await runCli([
          '--db',
          database.url,
          'audit',
          'verify',
          '--checkpoint',
          `${out}.audit-checkpoint.json`,
        ])
      ).code,
    ).toBe(0);
  });
});
