import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pseudonymize } from '@peerbridge/domain';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { czechMappingYaml, czechProject } from '../../test/builders/czech-project';
import { writeQdpx } from '../../test/builders/refi-project';
import { initializedDatabase, runCli } from '../../test/cli-harness';
import { createTestContext } from '../context';
import { exportStudy } from './export';
import { importFile } from './import';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const czechFile = join(dir, 'czech.qdpx');
const mappingFile = join(dir, 'mapping.yaml');
const keyFile = join(dir, 'key');

/** Every segment as "document|code|text", sorted: what must survive a round trip. */
function segmentKeys(json: {
  documents: Array<{ guid: string; name: string }>;
  segments: Array<{ sourceGuid: string; code: string; text: string }>;
}) {
  const names = new Map(json.documents.map((d) => [d.guid, d.name]));
  return json.segments.map((s) => `${names.get(s.sourceGuid)}|${s.code}|${s.text}`).sort();
}

beforeAll(async () => {
  await writeQdpx(czechFile, czechProject);
  writeFileSync(mappingFile, czechMappingYaml);
  writeFileSync(keyFile, 'a-test-key-of-more-than-thirty-two-bytes-length\n');
});

describe.each(testDialects())('peerbridge export on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
    await importFile(
      { db: database.url, file: czechFile, study: 'czech', mapping: mappingFile, dryRun: false },
      createTestContext(),
    );
  });
  afterAll(async () => {
    await database.drop();
  });

  it('JSON holds every segment with source GUID, selection GUID, offsets, code and its exact text', async () => {
    const run = await runCli(['--db', database.url, 'export', '--study', 'czech', '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.segments).toHaveLength(9);
    for (const s of json.segments) {
      const document = json.documents.find((d: { guid: string }) => d.guid === s.sourceGuid);
      expect(document.text.slice(s.start, s.end)).toBe(s.text);
      expect(s.selectionGuid).toMatch(/^[0-9a-f-]{36}$/);
    }
    const expected = czechProject.documents
      .flatMap((d) =>
        d.selections.flatMap((s) =>
          s.codes.map((code) => `${d.name}|${code}|${d.text.slice(s.start, s.end)}`),
        ),
      )
      .sort();
    expect(segmentKeys(json)).toEqual(expected);
  });

  it('qdpx export re-imports into the same study: same documents, codes, segments and texts', async () => {
    const out = join(dir, `roundtrip-${dialect}.qdpx`);
    const exported = await exportStudy(
      { db: database.url, study: 'czech', format: 'qdpx', out, pseudonymize: false },
      createTestContext(),
    );
    expect(exported.segments).toBe(9);
    const again = await importFile(
      { db: database.url, file: out, study: 'czech again', mapping: mappingFile, dryRun: false },
      createTestContext(),
    );
    expect(again.counts).toMatchObject({
      participant: 2,
      document: 2,
      code: 6,
      coded_segment: 9,
      study_observation: 7,
    });
    const first = JSON.parse((await runCli(['--db', database.url, 'export', '--study', 'czech'])).stdout);
    const second = JSON.parse(
      (await runCli(['--db', database.url, 'export', '--study', 'czech again'])).stdout,
    );
    expect(segmentKeys(second)).toEqual(segmentKeys(first));
    expect(second.documents.map((d: { text: string }) => d.text).sort()).toEqual(
      first.documents.map((d: { text: string }) => d.text).sort(),
    );
    expect(
      second.participants.map((p: { name: string; attributes: unknown }) => [p.name, p.attributes]),
    ).toEqual(first.participants.map((p: { name: string; attributes: unknown }) => [p.name, p.attributes]));
  });

  it('JSON export re-imports too (the CLI reads its own format)', async () => {
    const out = join(dir, `study-${dialect}.json`);
    expect((await runCli(['--db', database.url, 'export', '--study', 'czech', '--out', out])).code).toBe(0);
    const report = await importFile(
      { db: database.url, file: out, study: 'czech from json', dryRun: false },
      createTestContext(),
    );
    expect(report.counts).toMatchObject({
      participant: 2,
      document: 2,
      code: 6,
      coded_segment: 9,
      study_observation: 7,
    });
  });

  it('CSV escapes cells that a spreadsheet would run as formulas', async () => {
    const hostile = join(dir, 'hostile.qdpx');
    const text = '=HYPERLINK("http://example.invalid","click")\n+1+1\n-2\n@SUM(A1)\nplain';
    await writeQdpx(hostile, {
      codes: ['=cmd|calc'],
      coders: ['@coder'],
      documents: [
        {
          name: '+doc',
          text,
          selections: [0, 1, 2, 3].map((i) => {
            const lines = text.split('\n');
            const start = lines.slice(0, i).join('\n').length + (i === 0 ? 0 : 1);
            return { start, end: start + (lines[i] as string).length, codes: ['=cmd|calc'], coder: '@coder' };
          }),
        },
      ],
    });
    await importFile(
      { db: database.url, file: hostile, study: 'hostile', dryRun: false },
      createTestContext(),
    );
    const run = await runCli(['--db', database.url, 'export', '--study', 'hostile', '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.text)).toEqual([
      `'=HYPERLINK("http://example.invalid","click")`,
      "'+1+1",
      "'-2",
      "'@SUM(A1)",
    ]);
    for (const r of rows) {
      expect(r.code).toBe("'=cmd|calc");
      expect(r.document).toBe("'+doc");
      expect(r.coder).toBe("'@coder");
      expect(Number(r.start)).toBeGreaterThanOrEqual(0);
    }
  });

  it('CSV for R: --no-formula-guard keeps cells as they are, --bom marks UTF-8, --table picks codes or participants', async () => {
    const exportHostileCsv = (...flags: string[]) =>
      runCli(['--db', database.url, 'export', '--study', 'hostile', '--format', 'csv', ...flags]);
    const raw = await exportHostileCsv('--no-formula-guard');
    expect(raw.code).toBe(0);
    const rows = parse(raw.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.text)).toEqual([
      '=HYPERLINK("http://example.invalid","click")',
      '+1+1',
      '-2',
      '@SUM(A1)',
    ]);
    expect(rows.every((r) => r.code === '=cmd|calc' && r.code_path === '=cmd|calc')).toBe(true);

    const bom = await exportHostileCsv('--bom');
    expect(bom.stdout.charCodeAt(0)).toBe(0xfeff);

    const codes = await exportHostileCsv('--table', 'codes');
    expect(codes.code).toBe(0);
    const codeRows = parse(codes.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(codeRows.map((r) => [r.code_path, r.segments, r.documents, r.coders])).toEqual([
      ["'=cmd|calc", '4', '1', '1'],
    ]);

    const participants = await exportHostileCsv('--table', 'participants');
    expect(participants.code).toBe(0);
    expect(participants.stdout.split('\r\n')[0]).toMatch(/^participant,setting,documents,segments/);

    const misuse = await runCli([
      '--db',
      database.url,
      'export',
      '--study',
      'hostile',
      '--format',
      'json',
      '--bom',
    ]);
    expect(misuse.code).toBe(1); // the CLI's usage exit code
    expect(misuse.stderr).toContain('apply only to --format csv');
  });

  it('--pseudonymize replaces participant names with keyed pseudonyms and never writes the key', async () => {
    const out = join(dir, `pseudo-${dialect}.json`);
    const run = await runCli([
      '--db',
      database.url,
      'export',
      '--study',
      'czech',
      '--pseudonymize',
      '--key-file',
      keyFile,
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    const content = readFileSync(out, 'utf8');
    const json = JSON.parse(content);
    expect(json.pseudonymized).toBe(true);
    const key = new TextEncoder().encode('a-test-key-of-more-than-thirty-two-bytes-length');
    const expected = `P-${(await pseudonymize(key, 'Účastnice 01')).slice(0, 16)}`;
    expect(json.participants.map((p: { name: string }) => p.name)).toContain(expected);
    expect(content).not.toContain('Účastnice 01');
    expect(content).not.toContain('a-test-key-of-more');
  });

  it('--json without --out returns the study (json) or the CSV text inside one JSON document', async () => {
    const json = JSON.parse(
      (await runCli(['--db', database.url, '--json', 'export', '--study', 'czech'])).stdout,
    );
    expect(json).toMatchObject({ ok: true, format: 'json', segments: 9 });
    expect(json.data.segments).toHaveLength(9);
    const csv = JSON.parse(
      (await runCli(['--db', database.url, '--json', 'export', '--study', 'czech', '--format', 'csv']))
        .stdout,
    );
    expect(csv.content.split('\r\n')[0]).toContain('selection_guid');
  });

  it('--pseudonymize without --key-file is a usage error; an unknown study is not found', async () => {
    expect((await runCli(['--db', database.url, 'export', '--study', 'czech', '--pseudonymize'])).code).toBe(
      1,
    );
    const missing = await runCli(['--db', database.url, 'export', '--study', 'nope']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('"czech"');
  });
});
