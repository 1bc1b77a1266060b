/**
 * A transcript (.txt, .docx) imported as one plain-text source through the one import pipeline, on both
 * dialects: one document named after the file, audited; a segments CSV naming it is checked against its text;
 * a bad or changed transcript writes nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { StudyInputError } from '@peerbridge/study-formats';
import { docxOf } from '@peerbridge/study-formats/testing';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { aMember } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { studyRowCounts } from '../test-support/study-row-counts';
import { importStudy } from './import-study';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-transcript-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: string | Buffer) => {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
};

const text = 'T: Jak zvládáte noční telefony?\nR: Telefon po práci vypínám.\n';
const interview = file('interview-03.txt', text);
const docx = file('interview-04.docx', docxOf(['Otázka: Kdo vás podpoří?', 'Odpověď: Kolegyně z týmu.']));
const start = text.indexOf('Telefon');
const end = text.indexOf('.', start) + 1;
const segments = file(
  'segments.csv',
  `document,code,start,end,text\ninterview-03.txt,Phone off after hours,${start},${end},${text.slice(start, end)}\n`,
);

describe.each(testDialects())('transcript import on %s', (dialect) => {
  let database: MigratedDatabase;
  let db: Db;
  let researcher: Actor;
  beforeAll(async () => {
    database = await openMigratedDatabase(dialect);
    db = database.handle.db;
    await db
      .insertInto('organization')
      .values({ id: 'org-a', name: 'A', created_at: '2026-01-01' })
      .execute();
    researcher = await aMember(db, 'org-a', 'r-1', 'researcher');
  });
  afterAll(async () => {
    await database.close();
  });

  it('imports a .txt as one document with its exact text, audited, and a segments CSV codes it', async () => {
    const report = await importStudy(db, researcher, { file: interview, study: 'Transcripts' });
    expect(report).toMatchObject({ status: 'imported', format: 'text', unmappedCodes: [] });
    expect(report.counts).toMatchObject({ document: 1, code: 0, coded_segment: 0, participant: 0 });
    const stored = await db
      .selectFrom('document')
      .innerJoin('study', 'study.id', 'document.study_id')
      .where('study.name', '=', 'Transcripts')
      .select(['document.name', 'document.text'])
      .execute();
    expect(stored).toEqual([{ name: 'interview-03.txt', text }]);
    const audit = await db
      .selectFrom('audit_event')
      .where('action', '=', 'study.import')
      .select('details')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.details))).toMatchObject({ file: 'interview-03.txt', format: 'text' });

    const coded = await importStudy(db, researcher, { file: segments, study: 'Transcripts' });
    expect(coded.counts).toMatchObject({ document: 0, coded_segment: 1 });
    expect(coded.warnings.some((w) => w.includes('rebuilt'))).toBe(false);
  });

  it('imports a .docx under its uploaded name', async () => {
    const report = await importStudy(db, researcher, {
      file: docx,
      fileName: 'Rozhovor 04.docx',
      study: 'Word transcripts',
    });
    expect(report).toMatchObject({ status: 'imported', format: 'docx' });
    const stored = await db
      .selectFrom('document')
      .innerJoin('study', 'study.id', 'document.study_id')
      .where('study.name', '=', 'Word transcripts')
      .select(['document.name', 'document.text'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      name: 'Rozhovor 04.docx',
      text: 'Otázka: Kdo vás podpoří?\n\nOdpověď: Kolegyně z týmu.',
    });
  });

  it.each([
    [
      'a changed transcript of the same name',
      () => file('changed/interview-03.txt', `${text}R: A ještě něco.\n`),
      'conflict',
      /different text/,
    ],
    [
      'a transcript that is not UTF-8',
      () => file('interview-05.txt', Buffer.from([0x8a, 0xe1, 0x0a])),
      'invalid_input',
      /UTF-8/,
    ],
    [
      'a damaged .docx',
      () => file('interview-06.docx', docxOf(['Věta.']).subarray(0, 60)),
      'invalid_input',
      /Word document/,
    ],
  ] as const)('refuses %s, naming the file, and writes nothing', async (_what, make, code, message) => {
    const before = await studyRowCounts(db);
    const path = make();
    const error = await importStudy(db, researcher, { file: path, study: 'Transcripts' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StudyInputError);
    expect((error as StudyInputError).code).toBe(code);
    expect(`${(error as StudyInputError).location?.file ?? ''} ${(error as Error).message}`).toMatch(
      /interview-0\d\.(txt|docx)/,
    );
    expect((error as Error).message).toMatch(message);
    expect(await studyRowCounts(db)).toEqual(before);
  });
});
