/**
 * `peerbridge import` of a transcript (.txt, .docx) as one plain-text source, and the report's unmapped codes:
 * one summary line, the full list with --list-unmapped, always in --json. Both dialects, in process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxOf } from '@peerbridge/study-formats/testing';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { czechProject } from '../../test/builders/czech-project';
import { writeQdpx } from '../../test/builders/refi-project';
import { countRows, initializedDatabase, runCli } from '../../test/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-transcript-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

const transcript = 'T: Kdo vám volá po práci?\nR: Klienti, i v noci.\n';
const txt = file('interview-03.txt', transcript);
const docx = file('interview-04.docx', docxOf(['T: Máte supervizi?', 'R: Jednou za měsíc.']));
const project = join(dir, 'czech.qdpx');
beforeAll(() => writeQdpx(project, czechProject));

describe.each(testDialects())('import of transcripts and the unmapped-code summary on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });
  const cli = (...args: string[]) => runCli(['--db', database.url, ...args]);

  it('imports a .txt and a .docx as one document each, not as a CSV', async () => {
    const text = await cli('import', txt, '--study', 'Transcripts');
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Imported interview-03.txt into new study "Transcripts"');
    expect(text.stdout).toMatch(/document\s+1\n/);
    expect(text.stdout).toMatch(/coded_segment\s+0\n/);

    const word = await cli('--json', 'import', docx, '--study', 'Transcripts');
    expect(word.code).toBe(0);
    const report = JSON.parse(word.stdout);
    expect(report).toMatchObject({ ok: true, status: 'imported', format: 'docx', counts: { document: 1 } });

    const exported = await cli('export', '--study', 'Transcripts', '--format', 'json');
    const documents = JSON.parse(exported.stdout).documents as { name: string; text: string }[];
    expect(documents.map((d) => [d.name, d.text]).sort()).toEqual([
      ['interview-03.txt', transcript],
      ['interview-04.docx', 'T: Máte supervizi?\n\nR: Jednou za měsíc.'],
    ]);
  });

  it.each([
    ['not UTF-8', 'latin-1.txt', Buffer.from('P\xf8\xedli\x9a', 'latin1'), /latin-1\.txt.*UTF-8/],
    ['an empty .docx', 'empty.docx', docxOf([]), /empty\.docx.*no text/],
    [
      'a corrupt .docx',
      'corrupt.docx',
      Buffer.from('PK\x03\x04 not really a zip'),
      /corrupt\.docx.*Word document/,
    ],
  ])(
    'a transcript that is %s: exit 2 naming the file, nothing written',
    async (_what, name, bytes, message) => {
      const before = await countRows(database.url);
      const run = await cli('import', file(name, bytes), '--study', 'Transcripts');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^peerbridge: error: /);
      expect(run.stderr).toMatch(message);
      expect(await countRows(database.url)).toEqual(before);
    },
  );

  it('summarises unmapped codes in one line; --list-unmapped and --json list each with its segments', async () => {
    const listed = await cli('--json', 'import', project, '--study', 'Codes', '--dry-run');
    const unmapped = JSON.parse(listed.stdout).unmappedCodes as { name: string; segments: number }[];
    expect(unmapped.length).toBeGreaterThan(1);

    const summary = await cli('import', project, '--study', 'Codes');
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain(
      `${unmapped.length} codes kept unmapped (no observations); \`--list-unmapped\` to see them`,
    );
    for (const c of unmapped) expect(summary.stdout).not.toContain(c.name);

    const full = await cli('import', project, '--study', 'Codes again', '--dry-run', '--list-unmapped');
    expect(full.stdout).toContain(`Unmapped codes (kept, no observations): ${unmapped.length}`);
    for (const c of unmapped)
      expect(full.stdout).toContain(`  ${c.name} (${c.segments} segment${c.segments === 1 ? '' : 's'})`);
    expect(full.stdout).not.toContain('--list-unmapped` to see them');
  });
});
