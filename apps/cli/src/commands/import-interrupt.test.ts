/**
 * Ctrl-C during an import tells the truth (issue 10): a SIGINT while the file is being read stops the
 * import, writes nothing and exits 130 saying so; a SIGINT once the commit has begun lets it finish,
 * exits 0 with the report and says the interrupt came too late. Each phase, both dialects, real CLI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generate-project';
import { countRows, importInChild, initializedDatabase, runCli } from '../../test/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bigFile = join(dir, 'big.qdpx');

beforeAll(async () => {
  await generateProject(bigFile, { documents: 300, segments: 60_000 });
}, 120_000);

/** Run the real CLI and send SIGINT when a progress line matches `when`. */
async function importAndInterrupt(url: string, study: string, when: RegExp) {
  let sent = false;
  const run = await importInChild(url, bigFile, study, (stderr, signal) => {
    if (!sent && when.test(stderr)) sent = signal('SIGINT');
  });
  return { ...run, sent };
}

describe.each(testDialects())('an import interrupted with SIGINT on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('while reading: stops, writes nothing, exits 130 and says nothing was written', async () => {
    const before = await countRows(database.url);
    // Part-way through the project XML: "importing ... 12,345/67,890 bytes" with something read.
    const run = await importAndInterrupt(
      database.url,
      'stopped',
      /progress: importing .* [1-9][\d,]*\/[\d,]+ /,
    );
    expect(run.sent, run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toMatch(/interrupted \(SIGINT\) before anything was committed; nothing was written/);
    expect(run.stdout).toBe('');
    expect(await countRows(database.url)).toEqual(before);
  }, 180_000);

  it('while committing: finishes, exits 0 with the report, and says the interrupt came too late', async () => {
    const run = await importAndInterrupt(database.url, 'completed', /progress: committing/);
    expect(run.sent, run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    // The signal may land during the copy or only as the process ends; either way nothing may claim
    // a rollback, and when the CLI saw it, it says the import completed.
    expect(run.stderr).not.toMatch(/nothing was written|rolled back/);
    expect(run.stderr).toMatch(
      /SIGINT came (while the import was being committed|after the work was committed); it is complete/,
    );
    expect(run.stdout).toMatch(/Imported/);
    expect(run.stdout).toMatch(/60,000|60000/);
    // It really is complete: the same file again is a reported no-op.
    const again = await runCli(['--db', database.url, '--json', 'import', bigFile, '--study', 'completed']);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'already_imported' });
  }, 180_000);
});
