/**
 * Pseudonymising at import time (ADR 0022), on both dialects: with a key, no name of the canary
 * project reaches the database, neither in any row of any table nor (SQLite) in any byte of the
 * database files; the same import without a key is the control that shows the scan can see them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pseudonymize } from '@peerbridge/domain';
import { CANARY_NAMES, CANARY_SELECTIONS, canaryIn, canaryQdpx } from '@peerbridge/refi-qda/testing';
import { documentGuidFor } from '@peerbridge/study-formats';
import { testDialects } from '@peerbridge/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { aResearcherInOrgA } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { exportStudy } from './export-study';
import { importStudy } from './import-study';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-pseudo-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'Zyxcanary-project.qdpx');
const key = new TextEncoder().encode('researcher-key-of-at-least-thirty-two-bytes!');
beforeAll(() => writeFileSync(file, canaryQdpx()));

/** The report without the names of dropped variables (column names the researcher is told about, on purpose). */
function reportWithoutDroppedNames(
  report: object & { pseudonymization?: { variables: object } | undefined },
) {
  const p = report.pseudonymization;
  return JSON.stringify({
    ...report,
    pseudonymization: p && { ...p, variables: { ...p.variables, dropped: null } },
  });
}

/** Every row of every table, as JSON text, with the table it came from. */
async function everyRow(db: Db): Promise<Array<{ table: string; row: string }>> {
  const out: Array<{ table: string; row: string }> = [];
  for (const table of await db.introspection.getTables()) {
    const rows = await db
      .selectFrom(table.name as never)
      .selectAll()
      .execute();
    for (const row of rows) out.push({ table: table.name, row: JSON.stringify(row) });
  }
  return out;
}

/** Where a canary shows in a (SQLite) database's files: the file, its WAL, shared memory or journal. */
function canaryInFiles(database: MigratedDatabase): string | null {
  if (database.url.startsWith('postgres')) return null;
  for (const path of [
    database.url,
    `${database.url}-wal`,
    `${database.url}-shm`,
    `${database.url}-journal`,
  ]) {
    if (!existsSync(path)) continue;
    const found = canaryIn(readFileSync(path));
    if (found) return `${path}: ${found}`;
  }
  return null;
}

/** Where a canary shows in the database: a row of any table, or a byte of its files. */
async function canaryInDatabase(database: MigratedDatabase): Promise<string | null> {
  for (const { table, row } of await everyRow(database.handle.db)) {
    const found = canaryIn(row);
    if (found) return `${table}: ${found}`;
  }
  return canaryInFiles(database);
}

describe.each(testDialects())('pseudonymising at import time on %s', (dialect) => {
  let database: MigratedDatabase;
  let db: Db;
  let researcher: Actor;
  beforeEach(async () => {
    database = await openMigratedDatabase(dialect);
    db = database.handle.db;
    researcher = await aResearcherInOrgA(db);
  });
  afterEach(async () => {
    await database.close();
  });

  it('control: a plain import puts the canaries in the rows (and the file) where the scan finds them', async () => {
    await importStudy(db, researcher, { file, study: 'study one' });
    expect(await canaryInDatabase(database)).not.toBeNull();
    if (dialect === 'sqlite') expect(canaryInFiles(database)).not.toBeNull();
  });

  it('with a key, no canary reaches any row or byte of the database, and the report names no one', async () => {
    const report = await importStudy(db, researcher, { file, study: 'study one', pseudonymKey: key });
    expect(report.status).toBe('imported');
    expect(report.counts.coded_segment).toBe(CANARY_SELECTIONS.length);
    expect(canaryIn(reportWithoutDroppedNames(report))).toBeNull();
    expect(report.pseudonymization?.textRedactions).toBe(17);
    expect(report.pseudonymization?.variables.dropped.map((d) => d.name)).toEqual([
      'Hobcanary_score',
      'age',
      'email',
      'full_name',
      'tenure',
    ]);
    expect(await canaryInDatabase(database)).toBeNull();
    // The import run and its audit event record the file under a pseudonym, not "Zyxcanary-project.qdpx".
    const run = await db.selectFrom('import_run').select('file_name').executeTakeFirstOrThrow();
    expect(run.file_name).toMatch(/^D-[0-9a-f]{16}\.qdpx$/);
  });

  it('what is stored still lines up: segments cover their text, names are the keyed pseudonyms', async () => {
    await importStudy(db, researcher, { file, study: 'study one', pseudonymKey: key });
    const stored = (await exportStudy(db, researcher, { study: 'study one', format: 'json' })).study;
    expect(stored.segments).toHaveLength(CANARY_SELECTIONS.length);
    for (const s of stored.segments) {
      const document = stored.documents.find((d) => d.guid === s.sourceGuid);
      expect(document?.text.slice(s.start, s.end)).toBe(s.text);
    }
    const name = `P-${(await pseudonymize(key, CANARY_NAMES.case1)).slice(0, 16)}`;
    expect(stored.participants.map((p) => p.name)).toContain(name);
    const placeholder = `[${name}]`;
    expect(stored.segments.map((s) => s.text)).toContain(`${placeholder} said`);
    expect(stored.participants.flatMap((p) => Object.keys(p.attributes)).sort()).toEqual([
      'age_band',
      'age_band',
      'gender',
      'gender',
      'setting',
      'setting',
      'tenure_band',
      'tenure_band',
    ]);
  });

  it('a CSV of segments (GUIDs derived from names) with a key stores no name and no name-derived GUID', async () => {
    const csv = join(dir, 'segments.csv');
    const text1 = 'Qaxcanary Brel said hello';
    const text2 = 'then qaxcanary left';
    writeFileSync(
      csv,
      [
        'document,code,start,end,text,coder,participant',
        `Interview with Qaxcanary Brel,Stress,0,${text1.length},${text1},Wexcanary Ode,Qaxcanary Brel`,
        `Interview with Qaxcanary Brel,Support,30,${30 + text2.length},${text2},Wexcanary Ode,Qaxcanary Brel`,
      ].join('\n'),
    );
    const report = await importStudy(db, researcher, { file: csv, study: 'csv study', pseudonymKey: key });
    expect(report.counts).toMatchObject({ participant: 1, document: 1, coded_segment: 2 });
    expect(await canaryInDatabase(database)).toBeNull();
    const rows = await db.selectFrom('document').select(['source_guid', 'name', 'text']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.source_guid).not.toBe(documentGuidFor('Interview with Qaxcanary Brel'));
    expect(rows[0]?.name).toMatch(/^D-[0-9a-f]{16}$/);
    const stored = (await exportStudy(db, researcher, { study: 'csv study', format: 'json' })).study;
    const ph = `[P-${(await pseudonymize(key, 'Qaxcanary Brel')).slice(0, 16)}]`;
    expect(stored.segments.map((s) => s.text).sort()).toEqual(
      [`${ph} said hello`, `then [P-${(await pseudonymize(key, 'Qaxcanary')).slice(0, 16)}] left`].sort(),
    );
    expect(stored.segments.map((s) => s.coder)).toEqual([
      `U-${(await pseudonymize(key, 'Wexcanary Ode')).slice(0, 16)}`,
      `U-${(await pseudonymize(key, 'Wexcanary Ode')).slice(0, 16)}`,
    ]);
  });

  it('a dry run with a key writes nothing and reports no name; the same file again is a no-op', async () => {
    const preview = await importStudy(db, researcher, {
      file,
      study: 'study one',
      pseudonymKey: key,
      dryRun: true,
    });
    expect(preview.status).toBe('dry_run');
    expect(canaryIn(reportWithoutDroppedNames(preview))).toBeNull();
    expect(await db.selectFrom('document').selectAll().execute()).toEqual([]);
    await importStudy(db, researcher, { file, study: 'study one', pseudonymKey: key });
    const again = await importStudy(db, researcher, { file, study: 'study one', pseudonymKey: key });
    expect(again.status).toBe('already_imported');
  });
});
