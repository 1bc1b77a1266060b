/**
 * Import at any size (issue 16): generated projects of 100k, 500k and 1M coded segments (100 per document),
 * each imported by the built `peerbridge` bin into a fresh SQLite file in a child process. Reported per size:
 * seconds, peak RSS (VmHWM) and segments/s of the import, of a dry run (same pipeline, nothing written), and
 * of the floor: inflating every zip entry without parsing (a child under tsx). Target: peak RSS <= 250 MB.
 * Run: pnpm --filter @peerbridge/cli bench   (BENCH_SIZES=100000,500000 picks the sizes)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject } from './generate-project';

const sizes = (process.env.BENCH_SIZES ?? '100000,500000,1000000').split(',').map(Number);
const cliDir = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'peerbridge-bench-sizes-'));
const peakRss = join(cliDir, 'bench/report-peak-rss.mjs');
const bin = join(cliDir, 'dist/bin.js');
const MiB = 1024 * 1024;

function run(args: string[], what: string) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', peakRss, ...args], {
    cwd: cliDir,
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`${what} failed (${result.status}): ${result.stderr}${result.stdout}`);
  const peak = Number(/PEAK_RSS_MIB=([\d.]+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return { wall, peak, stdout: result.stdout };
}

const line = (what: string, seconds: number, peak: number, segments: number) =>
  `  ${what.padEnd(26)} ${seconds.toFixed(2).padStart(7)} s  peak RSS ${String(Math.round(peak)).padStart(4)} MiB  ${Math.round(
    segments / seconds,
  )
    .toLocaleString('en')
    .padStart(8)} segments/s`;

try {
  if (!existsSync(bin) || process.env.BENCH_BUILD !== '0') {
    const tsdown = JSON.parse(readFileSync(join(cliDir, 'node_modules/tsdown/package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    const built = spawnSync(
      process.execPath,
      [join(cliDir, 'node_modules/tsdown', tsdown.bin.tsdown as string)],
      {
        cwd: cliDir,
        encoding: 'utf8',
      },
    );
    if (built.status !== 0) throw new Error(`tsdown build failed: ${built.stderr}`);
  }
  const results: string[] = [];
  for (const segments of sizes) {
    const documents = Math.max(1, Math.round(segments / 100));
    const file = join(dir, `bench-${segments}.qdpx`);
    await generateProject(file, { documents, segments });
    const db = join(dir, `bench-${segments}.db`);
    run(
      [bin, '--db', db, 'init', '--org', 'Bench', '--email', 'bench@example.org', '--name', 'Bench'],
      'init',
    );
    const floor = run(['--import', 'tsx', join(cliDir, 'bench/read-zip-child.ts'), file], 'zip floor');
    const floorReport = JSON.parse(floor.stdout) as { seconds: number; bytes: number };
    const dry = run([bin, '--db', db, '--json', 'import', file, '--study', 'bench', '--dry-run'], 'dry run');
    const imported = run([bin, '--db', db, '--json', 'import', file, '--study', 'bench'], 'import');
    const report = JSON.parse(imported.stdout) as { seconds: number; counts: Record<string, number> };
    if (report.counts.coded_segment !== segments)
      throw new Error(`imported ${report.counts.coded_segment} segments, expected ${segments}`);
    const dryReport = JSON.parse(dry.stdout) as { seconds: number };
    const block = [
      `${segments.toLocaleString('en')} segments, ${documents.toLocaleString('en')} documents: archive ${(statSync(file).size / MiB).toFixed(0)} MiB, ${(floorReport.bytes / MiB).toFixed(0)} MiB inflated`,
      line('floor: inflate the zip', floorReport.seconds, floor.peak, segments),
      line('dry run (read, plan)', dryReport.seconds, dry.peak, segments),
      line('import (file to commit)', report.seconds, imported.peak, segments),
      line('import (process wall)', imported.wall, imported.peak, segments),
      `  peak RSS target <= 250 MB (${Math.round(250e6 / MiB)} MiB): ${imported.peak * MiB <= 250e6 ? 'met' : 'NOT met'}`,
    ].join('\n');
    console.log(block);
    results.push(block);
    rmSync(file, { force: true });
    rmSync(db, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
