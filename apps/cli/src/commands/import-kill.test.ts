import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generate-project';
import { countRows, importInChild, initializedDatabase, runCli } from '../../test/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bigFile = join(dir, 'big.qdpx');

beforeAll(async () => {
  await generateProject(bigFile, { documents: 300, segments: 60_000 });
}, 120_000);

/** Start the real CLI as a child process and SIGKILL it once it reports written rows. */
async function importAndKill(url: string): Promise<{ killed: boolean; progress: string }> {
  let killed = false;
  const run = await importInChild(url, bigFile, 'killed', (stderr, signal) => {
    // Kill in the middle of the transaction: rows written, but not all of them.
    const match = /progress: (?:writing rows|importing) .* ([\d,]+)\/([\d,]+) /.exec(
      stderr.split('\n').slice(-2).join('\n'),
    );
    if (!killed && match) {
      const done = Number(match[1]?.replaceAll(',', ''));
      const total = Number(match[2]?.replaceAll(',', ''));
      if (done > 0 && done < total) killed = signal('SIGKILL');
    }
  });
  return { killed, progress: run.stderr };
}

describe.each(testDialects())('an import killed with SIGKILL on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('leaves no partial study behind, and the same file imports cleanly afterwards', async () => {
    const before = await countRows(database.url);
    const { killed, progress } = await importAndKill(database.url);
    expect(killed, `the import finished before it could be killed:\n${progress}`).toBe(true);
    expect(await countRows(database.url)).toEqual(before);
    const again = await runCli(['--db', database.url, '--json', 'import', bigFile, '--study', 'killed']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'imported', counts: { coded_segment: 60_000 } });
  }, 180_000);
});
