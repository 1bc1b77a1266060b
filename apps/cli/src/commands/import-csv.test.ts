import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@peerbridge/db';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, initializedDatabase, runCli } from '../../test/cli-harness';
import { createTestContext } from '../context';
import { importFile } from './import';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const interview = 'Volají mi i v noci.\nTelefon vypínám.';
const participantsCsv = file(
  'participants.csv',
  '\uFEFFparticipant;setting;age;gender;tenure;region\r\nP01;inpatient;41;žena;8;Praha\r\nP02;komunitní;35;muž;30;Brno\r\n',
);
// A quotation table as QDA tools export it; offsets are UTF-16 positions.
const segmentsCsv = file(
  'segments.csv',
  [
    'document,code,start,end,text,coder,participant',
    `Rozhovor P01,Client contact after hours,0,19,"${interview.slice(0, 19)}",Alena,P01`,
    `Rozhovor P01,Phone off after hours,20,36,"${interview.slice(20, 36)}",Alena,P01`,
    `Rozhovor P01,=formula code,0,8,"${interview.slice(0, 8)}",Bedřich,P01`,
  ].join('\n'),
);
const observationsCsv = file(
  'observations.csv',
  'participant,indicator,value,observed_at\nP01,exhaustion,4,2024-02-01\nP02,supervision_available,yes,2024-02-03\n',
);

describe.each(testDialects())('CSV import on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });
  const run = (path: string, dryRun = false) =>
    importFile({ db: database.url, file: path, study: 'tables', dryRun }, createTestContext());

  it('imports participants with setting (Czech words too), age, gender, tenure and other columns', async () => {
    const report = await run(participantsCsv);
    expect(report.format).toBe('csv-participants');
    expect(report.counts.participant).toBe(2);
    const handle = await openDatabase({ url: database.url });
    try {
      const rows = await handle.db
        .selectFrom('participant')
        .select(['pseudonym', 'setting', 'attributes'])
        .orderBy('pseudonym')
        .execute();
      expect(rows.map((r) => [r.pseudonym, r.setting, JSON.parse(r.attributes)])).toEqual([
        ['P01', 'inpatient', { setting: 'inpatient', age: 41, gender: 'žena', tenure: 8, region: 'Praha' }],
        ['P02', 'community', { setting: 'komunitní', age: 35, gender: 'muž', tenure: 30, region: 'Brno' }],
      ]);
    } finally {
      await handle.destroy();
    }
  });

  it('imports a quotation table: codes mapped by indicator label, segments linked to the existing participant', async () => {
    const report = await run(segmentsCsv);
    expect(report.counts).toMatchObject({
      participant: 0,
      document: 1,
      code: 3,
      coded_segment: 3,
      study_observation: 2,
    });
    expect(report.unmappedCodes.map((c) => c.name)).toEqual(['=formula code']);
    const exported = JSON.parse((await runCli(['--db', database.url, 'export', '--study', 'tables'])).stdout);
    expect(exported.segments.map((s: { text: string }) => s.text).sort()).toEqual(
      [interview.slice(0, 19), interview.slice(20, 36), interview.slice(0, 8)].sort(),
    );
  });

  it('imports observations and updates participants from a second participants table', async () => {
    const report = await run(observationsCsv);
    expect(report.counts).toMatchObject({ participant: 0, study_observation: 2 });
    const update = await run(file('participants-2.csv', 'participant,setting\nP01,other\n'));
    expect(update.participantsUpdated).toBe(1);
  });

  it('names file, line and column of a bad value, and writes nothing', async () => {
    const before = await countRows(database.url);
    const bad = file(
      'bad-observations.csv',
      'participant,indicator,value,observed_at\nP01,exhaustion,4,2024-02-01\nP01,exhaustion,9,2024-02-02\n',
    );
    const result = await runCli(['--db', database.url, 'import', bad, '--study', 'tables']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}:3:3 (column "value")`);
    expect(result.stderr).toContain('an integer from 1 to 5');
    const badText = file('bad-segments.csv', 'document,code,start,end,text\nRozhovor P01,X,0,5,"Wrong"\n');
    const text = await runCli(['--db', database.url, 'import', badText, '--study', 'tables']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain(`${badText}:2`);
    expect(text.stderr).toContain('does not match document "Rozhovor P01"');
    const unknownKind = file('what.csv', 'foo,bar\n1,2\n');
    expect((await runCli(['--db', database.url, 'import', unknownKind, '--study', 'tables'])).code).toBe(2);
    expect(await countRows(database.url)).toEqual(before);
  });
});
