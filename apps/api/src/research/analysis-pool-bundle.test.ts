/**
 * The built server finds and runs its analysis worker: `pnpm start` runs dist/*.mjs without tsx, and
 * the worker is a separate bundle entry loaded by file name, so a wrong name only shows at run time.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { migrateToLatest, openDatabase } from '@peerbridge/db';
import { inProcessAnalysis } from '@peerbridge/services';
import { createTestDatabase } from '@peerbridge/testing';
import { describe, expect, it } from 'vitest';
import { seedTwoOrganizations } from '../test-support/two-organizations';

const apiDir = resolve(import.meta.dirname, '../..');

describe('the analysis worker in the built server', () => {
  it('reads a study and computes in a worker thread from dist, without tsx', async () => {
    const build = spawnSync('pnpm', ['exec', 'tsdown'], {
      cwd: apiDir,
      encoding: 'utf8',
      timeout: 120_000,
      killSignal: 'SIGKILL',
    });
    expect(build.status, build.stderr).toBe(0);
    // The worker opens the file itself (better-sqlite3 readonly, loaded from the bundle's node_modules).
    const tdb = await createTestDatabase('sqlite');
    try {
      const handle = await openDatabase({ url: tdb.url });
      let expected: unknown;
      let studyId: string;
      try {
        await migrateToLatest(handle);
        ({
          a: { studyId },
        } = await seedTwoOrganizations(handle));
        expected = await inProcessAnalysis(handle.db).agreement({ studyId: studyId, unit: 'paragraph' });
      } finally {
        await handle.destroy();
      }
      const script = `
        const { createAnalysisPool } = await import('./dist/index.mjs');
        const pool = createAnalysisPool({ threads: 1, databaseUrl: ${JSON.stringify(tdb.url)} });
        console.log(JSON.stringify(await pool.agreement({ studyId: ${JSON.stringify(studyId)}, unit: "paragraph" })));
        await pool.destroy();
      `;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: apiDir,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
        timeout: 60_000,
        killSignal: 'SIGKILL',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const answer = JSON.parse(run.stdout.trim()) as { coders: string[]; codes: unknown[] };
      expect(answer.coders).toEqual(['coder-1', 'coder-2']);
      expect(answer.codes.length).toBeGreaterThan(0);
      expect(answer).toEqual(expected);
    } finally {
      await tdb.drop();
    }
  }, 180_000);
});
