/**
 * Import benchmark: a generated .qdpx with 1,000 documents and 100,000 coded segments imported by the
 * built `peerbridge` bin (dist/bin.js) in a child process: segments/s and peak RSS (VmHWM). The floor:
 * raw better-sqlite3 inserts of the same rows in one transaction. Target: at least 25% of the floor.
 * Run: pnpm --filter @peerbridge/cli bench   (BENCH_DOCUMENTS / BENCH_SEGMENTS change the size)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject } from './generate-project';

const documents = Number(process.env.BENCH_DOCUMENTS ?? 1000);
const segments = Number(process.env.BENCH_SEGMENTS ?? 100_000);
const cliDir = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'peerbridge-bench-'));

function run(args: string[], what: string) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: cliDir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`${what} failed (${result.status}): ${result.stderr}${result.stdout}`);
  return { wall, stdout: result.stdout, stderr: result.stderr };
}

try {
  // The bin users run: bundled by tsdown, no TypeScript compiling at run time.
  const tsdown = JSON.parse(readFileSync(join(cliDir, 'node_modules/tsdown/package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  run([join(cliDir, 'node_modules/tsdown', tsdown.bin.tsdown as string)], 'tsdown build');
  const file = join(dir, 'bench.qdpx');
  const generated = await generateProject(file, { documents, segments });
  const db = join(dir, 'bench.db');
  const bin = join(cliDir, 'dist/bin.js');
  run([bin, '--db', db, 'init', '--org', 'Bench', '--email', 'bench@example.org', '--name', 'Bench'], 'init');

  const imported = run(
    [
      '--import',
      join(cliDir, 'bench/report-peak-rss.mjs'),
      bin,
      '--db',
      db,
      '--json',
      'import',
      file,
      '--study',
      'bench',
    ],
    'import',
  );
  const report = JSON.parse(imported.stdout) as { seconds: number; counts: Record<string, number> };
  const peak = Number(/PEAK_RSS_MIB=([\d.]+)/.exec(imported.stderr)?.[1] ?? Number.NaN);
  const floor = JSON.parse(
    run(['--import', 'tsx', join(cliDir, 'bench/floor-child.ts'), db, join(dir, 'floor.db')], 'floor').stdout,
  ) as {
    seconds: number;
    runs: number[];
    rows: number;
    segments: number;
  };
  const rows = Object.values(report.counts).reduce((a, b) => a + b, 0);
  const importRate = (report.counts.coded_segment ?? 0) / report.seconds;
  const wallRate = (report.counts.coded_segment ?? 0) / imported.wall;
  const floorRate = floor.segments / floor.seconds;
  const share = importRate / floorRate;
  console.log(
    [
      `Import benchmark: ${documents.toLocaleString('en')} documents, ${generated.toLocaleString('en')} coded segments (${rows.toLocaleString('en')} rows in all)`,
      `  import (file to commit)  ${report.seconds.toFixed(2)} s  ${Math.round(importRate).toLocaleString('en')} segments/s  peak RSS ${Math.round(peak)} MiB`,
      `  import (process wall)    ${imported.wall.toFixed(2)} s  ${Math.round(wallRate).toLocaleString('en')} segments/s  (with Node start-up)`,
      `  floor (raw inserts)      ${floor.seconds.toFixed(2)} s  ${Math.round(floorRate).toLocaleString('en')} segments/s  (${Math.round(floor.rows / floor.seconds).toLocaleString('en')} rows/s; best of ${floor.runs.map((r) => r.toFixed(2)).join(' / ')} s)`,
      `  import / floor           ${(share * 100).toFixed(1)}%  (target >= 25%: ${share >= 0.25 ? 'met' : 'NOT met'}; with start-up ${((wallRate / floorRate) * 100).toFixed(1)}%)`,
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
