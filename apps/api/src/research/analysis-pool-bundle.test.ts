/**
 * The built server finds and runs its analysis worker: `pnpm start` runs dist/*.mjs without tsx, and
 * the worker is a separate bundle entry loaded by file name, so a wrong name only shows at run time.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const apiDir = resolve(import.meta.dirname, '../..');

describe('the analysis worker in the built server', () => {
  it('runs a computation in a worker thread from dist, without tsx', () => {
    const build = spawnSync('pnpm', ['exec', 'tsdown'], { cwd: apiDir, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const script = `
      const { createAnalysisPool } = await import('./dist/index.mjs');
      const pool = createAnalysisPool({ threads: 1 });
      const rows = await pool.coOccurrence([
        { id: 's1', documentId: 'd', codeId: 'a', start: 0, end: 10 },
        { id: 's2', documentId: 'd', codeId: 'b', start: 5, end: 15 },
      ]);
      console.log(JSON.stringify(rows.map((r) => [r.codeA, r.codeB])));
      await pool.destroy();
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: apiDir,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual([['a', 'b']]);
  }, 60_000);
});
