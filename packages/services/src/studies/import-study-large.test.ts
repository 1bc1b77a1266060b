/**
 * Imports at any size (issue 16): a generated REFI-QDA project well past 125,000 coded segments, the point
 * where spreading an array into a call overflows Node's stack, goes through the whole pipeline and every row
 * arrives; a corrupt source late in the archive, or an abort in the middle, leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog, indicatorIds } from '@peerbridge/domain';
import { largeGuid, writeLargeQdpx } from '@peerbridge/refi-qda/testing';
import type { Progress } from '@peerbridge/study-formats';
import { testDialects } from '@peerbridge/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { aResearcherInOrgA } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { countRows } from '../test-support/row-counts';
import { importStudy } from './import-study';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-large-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEGMENTS = 130_000;
const DOCUMENTS = 1_300;
/** Ten codes that map to indicators (by label) and ten that map to nothing. */
const CODE_NAMES = [
  ...indicatorIds.slice(0, 10).map((id) => catalog.indicators[id].label.en),
  ...Array.from({ length: 10 }, (_, i) => `Vlastní kód ${i + 1}`),
];
const big = join(dir, 'big.qdpx');
const faulty = join(dir, 'faulty.qdpx');
const small = join(dir, 'small.qdpx');

beforeAll(async () => {
  await writeLargeQdpx(big, {
    documents: DOCUMENTS,
    segments: SEGMENTS,
    codeNames: CODE_NAMES,
    compress: false,
  });
  // Source 190 of 200 is not UTF-8: found only after 190 sources' rows have been written.
  await writeLargeQdpx(faulty, {
    documents: 200,
    segments: 20_000,
    codeNames: CODE_NAMES,
    compress: false,
    corruptSource: { index: 190, bytes: Buffer.from([0x61, 0x62, 0xff, 0xfe, 0x63]) },
  });
  await writeLargeQdpx(small, { documents: 200, segments: 20_000, codeNames: CODE_NAMES, compress: false });
}, 60_000);

const TABLES = [
  'study',
  'participant',
  'document',
  'code',
  'coded_segment',
  'study_observation',
  'import_run',
  'audit_event',
] as const;

const tableCounts = (db: Db) => countRows(db, TABLES);

describe.each(testDialects())('imports of any size on %s', (dialect) => {
  let database: MigratedDatabase;
  let db: Db;
  let researcher: Actor;

  beforeEach(async () => {
    database = await openMigratedDatabase(dialect);
    db = database.handle.db;
    researcher = await aResearcherInOrgA(db, 'Researcher');
  });
  afterEach(async () => {
    await database.close();
  });

  it(`imports ${SEGMENTS.toLocaleString('en')} coded segments over ${DOCUMENTS.toLocaleString('en')} documents, every row`, async () => {
    const report = await importStudy(db, researcher, { file: big, study: 'Multi-site', via: 'test' });
    expect(report.status).toBe('imported');
    expect(report.counts).toMatchObject({
      participant: DOCUMENTS / 10,
      document: DOCUMENTS,
      code: CODE_NAMES.length,
      coded_segment: SEGMENTS,
    });
    expect(report.offsetDecisions).toHaveLength(DOCUMENTS);
    const stored = await tableCounts(db);
    expect(stored).toMatchObject({
      study: 1,
      participant: DOCUMENTS / 10,
      document: DOCUMENTS,
      code: CODE_NAMES.length,
      coded_segment: SEGMENTS,
      study_observation: report.counts.study_observation,
      import_run: 1,
    });
    // Every segment of a mapped code gave exactly one observation, and the others none, counted by the database.
    const mapped = await db
      .selectFrom('coded_segment')
      .innerJoin('code', 'code.id', 'coded_segment.code_id')
      .where('code.indicator', 'is not', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(mapped.n)).toBeGreaterThan(SEGMENTS / 4);
    expect(stored.study_observation).toBe(Number(mapped.n));
    const unmapped = report.unmappedCodes.reduce((n, c) => n + c.segments, 0);
    expect(unmapped + Number(mapped.n)).toBe(SEGMENTS);
    // The last selection of the last document arrived with its offsets inside its document's text.
    const last = await db
      .selectFrom('coded_segment')
      .innerJoin('document', 'document.id', 'coded_segment.document_id')
      .select([
        'coded_segment.start_offset',
        'coded_segment.end_offset',
        'document.text',
        'document.source_guid',
      ])
      .where('coded_segment.selection_guid', '=', largeGuid(6, SEGMENTS - 1))
      .executeTakeFirstOrThrow();
    expect(last.source_guid).toBe(largeGuid(5, DOCUMENTS - 1));
    expect(last.start_offset).toBeLessThan(last.end_offset);
    expect(last.end_offset).toBeLessThanOrEqual(last.text.length);
  }, 300_000); // a guard against a hang, not a timing: a loaded CI machine took over 120 s on PostgreSQL

  it('a corrupt source late in the archive rolls back every row and names the file', async () => {
    const before = await tableCounts(db);
    const error = await importStudy(db, researcher, { file: faulty, study: 'Faulty' }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).not.toBeNull();
    expect(error?.message).toContain(`sources/${largeGuid(5, 190)}.txt`);
    expect(error?.message).not.toMatch(/internal error/i);
    expect(await tableCounts(db)).toEqual(before);
  }, 60_000);

  it('an abort in the middle of the import (the third progress report) leaves no rows', async () => {
    const before = await tableCounts(db);
    let updates = 0;
    const aborting: Progress = {
      start() {},
      update() {
        if (++updates === 3) throw new Error('interrupted by the test');
      },
      finish() {},
    };
    await expect(importStudy(db, researcher, { file: small, study: 'Aborted' }, aborting)).rejects.toThrow(
      'interrupted by the test',
    );
    expect(updates).toBe(3);
    expect(await tableCounts(db)).toEqual(before);
    // The same file imports cleanly afterwards: nothing half-done is in the way.
    const again = await importStudy(db, researcher, { file: small, study: 'Aborted' });
    expect(again.counts.coded_segment).toBe(20_000);
  }, 60_000);
});
