/**
 * Import at any size (issues 10 and 16): generated projects of 10k, 100k and 1M coded segments (100 per
 * document), each imported by the built `peerbridge` bin into a fresh SQLite file in a child process.
 * Reported per size: seconds, peak RSS (VmHWM) and segments/s of a dry run and of the import, where the
 * import's time went (`--timings`: unzip, XML, offsets, plan, rows, commit), and two floors measured in
 * the same run: inflating every zip entry without parsing, and raw better-sqlite3 inserts of the very rows
 * the import wrote (floor-child.ts). Targets: peak RSS <= 250 MB; >= 50,000 segments/s end to end at 100k.
 * Run: pnpm --filter @peerbridge/cli bench   (BENCH_SIZES=10000,100000 picks the sizes; BENCH_BUILD=0 skips
 * the build when dist/ is there)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject } from './generate-project';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const cliDir = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'peerbridge-bench-sizes-'));
const peakRss = join(cliDir, 'bench/report-peak-rss.mjs');
const bin = join(cliDir, 'dist/bin.js');
const MiB = 1024 * 1024;
const RSS_TARGET = 250e6;
const RATE_TARGET = 50_000;

interface Timings {
  hash: number;
  unzip: number;
  xml: number;
  offsets: number;
  schema: number;
  plan: number;
  rows: number;
  commit: number;
  total: number;
}

interface Report {
  seconds: number;
  counts: Record<string, number>;
  timings: Timings;
}

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

const rate = (segments: number, seconds: number) =>
  Math.round(segments / seconds)
    .toLocaleString('en')
    .padStart(9);

const line = (what: string, seconds: number, peak: number, segments: number) =>
  `  ${what.padEnd(30)} ${seconds.toFixed(2).padStart(7)} s  peak RSS ${Number.isNaN(peak) ? '   -' : String(Math.round(peak)).padStart(4)} MiB  ${rate(segments, seconds)} segments/s`;

const phases = (t: Timings) => {
  const share = (ms: number) => `${(ms / 1000).toFixed(2)} s (${Math.round((ms / t.total) * 100)}%)`;
  return `  where the import's time went: unzip ${share(t.unzip)}, XML ${share(t.xml)}, offsets ${share(t.offsets)}, XSD check ${share(t.schema)}, plan ${share(t.plan)}, rows ${share(t.rows)}, commit ${share(t.commit)}, hash ${share(t.hash)}`;
};

try {
  if (!existsSync(bin) || process.env.BENCH_BUILD !== '0') {
    const tsdown = JSON.parse(readFileSync(join(cliDir, 'node_modules/tsdown/package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    const built = spawnSync(
      process.execPath,
      [join(cliDir, 'node_modules/tsdown', tsdown.bin.tsdown as string)],
      { cwd: cliDir, encoding: 'utf8' },
    );
    if (built.status !== 0) throw new Error(`tsdown build failed: ${built.stderr}`);
  }
  const summary: string[] = [];
  for (const segments of sizes) {
    const documents = Math.max(1, Math.round(segments / 100));
    const file = join(dir, `bench-${segments}.qdpx`);
    await generateProject(file, { documents, segments });
    const db = join(dir, `bench-${segments}.db`);
    run(
      [bin, '--db', db, 'init', '--org', 'Bench', '--email', 'bench@example.org', '--name', 'Bench'],
      'init',
    );
    const zipFloor = run(['--import', 'tsx', join(cliDir, 'bench/read-zip-child.ts'), file], 'zip floor');
    const zipReport = JSON.parse(zipFloor.stdout) as { seconds: number; bytes: number };
    const importArgs = [bin, '--db', db, '--json', 'import', file, '--study', 'bench', '--timings'];
    const dry = run([...importArgs, '--dry-run'], 'dry run');
    const dryReport = JSON.parse(dry.stdout) as Report;
    const imported = run(importArgs, 'import');
    const report = JSON.parse(imported.stdout) as Report;
    if (report.counts.coded_segment !== segments)
      throw new Error(`imported ${report.counts.coded_segment} segments, expected ${segments}`);
    // Raw inserts of the rows the import just wrote, into a fresh migrated file: the database floor.
    const floor = JSON.parse(
      run(
        ['--import', 'tsx', join(cliDir, 'bench/floor-child.ts'), db, join(dir, `floor-${segments}.db`)],
        'floor',
      ).stdout,
    ) as { seconds: number; runs: number[]; rows: number; segments: number };
    const rows = Object.values(report.counts).reduce((a, b) => a + b, 0);
    const share = floor.seconds / imported.wall;
    const block = [
      `${segments.toLocaleString('en')} segments, ${documents.toLocaleString('en')} documents, ${rows.toLocaleString('en')} rows: archive ${(statSync(file).size / MiB).toFixed(1)} MiB, ${(zipReport.bytes / MiB).toFixed(0)} MiB inflated`,
      line('floor: inflate the zip', zipReport.seconds, zipFloor.peak, segments),
      line('floor: raw inserts of the rows', floor.seconds, Number.NaN, segments),
      line('dry run (read, plan)', dryReport.seconds, dry.peak, segments),
      line('import (file to commit)', report.seconds, imported.peak, segments),
      line('import (process wall)', imported.wall, imported.peak, segments),
      phases(report.timings),
      `  import (process wall) is ${(share * 100).toFixed(1)}% of the raw-insert rate (best of ${floor.runs.map((r) => r.toFixed(2)).join(' / ')} s)`,
      `  peak RSS target <= 250 MB (${Math.round(RSS_TARGET / MiB)} MiB): import ${imported.peak * MiB <= RSS_TARGET ? 'met' : 'NOT met'}, dry run ${dry.peak * MiB <= RSS_TARGET ? 'met' : 'NOT met'}`,
      ...(segments === 100_000
        ? [
            `  end-to-end target >= ${RATE_TARGET.toLocaleString('en')} segments/s: ${segments / imported.wall >= RATE_TARGET ? 'met' : 'NOT met'}`,
          ]
        : []),
    ].join('\n');
    console.log(block);
    summary.push(
      `${String(segments).padStart(8)}: import ${imported.wall.toFixed(2)} s, ${Math.round(imported.peak)} MiB; dry run ${dry.wall.toFixed(2)} s, ${Math.round(dry.peak)} MiB; raw inserts ${floor.seconds.toFixed(2)} s`,
    );
    rmSync(file, { force: true });
    rmSync(db, { force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  }
  if (summary.length > 1) console.log(['Growth with size:', ...summary].join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
