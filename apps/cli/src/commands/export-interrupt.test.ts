/**
 * Ctrl-C during an export tells the truth (issue 10): SIGINT or SIGTERM before the commit leaves no file
 * at --out (nor a temporary one), records no `study.export` event, and exits 130 saying both; one once
 * the commit has begun lets it finish, exits 0 with the report, and the audit event names the size and
 * sha256 of exactly the file that is there. Each phase is reached with the test hook
 * PEERBRIDGE_TEST_PAUSE_AT, in the real CLI as a child process, on both dialects.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@peerbridge/db';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generate-project';
import { initializedDatabase, interruptAtPhase } from '../../test/cli-harness';
import { createTestContext } from '../context';
import type { ExportPhase } from './export';
import { importFile } from './import';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-export-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const projectFile = join(dir, 'study.qdpx');

beforeAll(async () => {
  // Big enough that every format takes several 64 KiB chunks to write.
  await generateProject(projectFile, { documents: 20, segments: 3000 });
}, 120_000);

type Format = 'json' | 'csv' | 'qdpx';

/** The study.export events' details, oldest first. */
async function exportEvents(url: string): Promise<Array<Record<string, unknown>>> {
  const handle = await openDatabase({ url });
  try {
    const rows = await handle.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'study.export')
      .orderBy('seq')
      .execute();
    return rows.map((row) => JSON.parse(row.details) as Record<string, unknown>);
  } finally {
    await handle.destroy();
  }
}

describe.each(testDialects())('an export interrupted on %s', (dialect) => {
  let database: TestDatabase;
  let runs = 0;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
    await importFile(
      { db: database.url, file: projectFile, study: 'big', dryRun: false },
      createTestContext(),
    );
  }, 120_000);
  afterAll(async () => {
    await database.drop();
  });

  /** Export the study as `format` to a fresh folder, interrupted at `phase` by `signal`. */
  async function exportAndInterrupt(phase: ExportPhase, signal: NodeJS.Signals, format: Format) {
    runs += 1;
    const folder = join(dir, `${dialect}-${runs}`);
    mkdirSync(folder);
    const out = join(folder, `study.${format}`);
    let atPause: Array<{ name: string; size: number }> = [];
    const run = await interruptAtPhase(
      ['--db', database.url, 'export', '--study', 'big', '--format', format, '--out', out],
      phase,
      signal,
      () => {
        atPause = readdirSync(folder).map((name) => ({ name, size: statSync(join(folder, name)).size }));
      },
    );
    return { ...run, folder, out, atPause };
  }

  const interrupted: Array<[ExportPhase, NodeJS.Signals, Format]> = [
    ['read', 'SIGINT', 'json'],
    ['writing', 'SIGTERM', 'csv'],
    ['writing', 'SIGINT', 'qdpx'],
    ['written', 'SIGTERM', 'json'],
  ];

  it.each(interrupted)(
    'at %s by %s (%s): no file, no audit event, exit 130 saying both',
    async (phase, signal, format) => {
      const eventsBefore = (await exportEvents(database.url)).length;
      const run = await exportAndInterrupt(phase, signal, format);
      expect(run.sent, run.stderr).toBe(true);
      // Only ever a temporary name beside the target while paused; part-way when writing.
      expect(
        run.atPause.every((f) => /^\.study\.\w+\.\d+\.tmp$/.test(f.name)),
        JSON.stringify(run.atPause),
      ).toBe(true);
      if (phase === 'read') expect(run.atPause).toEqual([]);
      else expect(run.atPause).toEqual([expect.objectContaining({ size: expect.any(Number) })]);
      if (phase === 'writing') expect(run.atPause[0]?.size).toBeGreaterThan(0);
      expect(run.code, run.stderr).toBe(130);
      expect(run.stderr).toContain(
        `interrupted (${signal}) at ${phase}: nothing was written to ${run.out} and no export was recorded in the audit log`,
      );
      expect(run.stdout).toBe('');
      expect(readdirSync(run.folder)).toEqual([]);
      expect(await exportEvents(database.url)).toHaveLength(eventsBefore);
    },
    60_000,
  );

  it.each([
    ['committing', 'SIGINT', 'json', /SIGINT came while the export was being committed; it is complete/],
    ['done', 'SIGTERM', 'csv', /SIGTERM came after the work was committed; it is complete/],
  ] as Array<[ExportPhase, NodeJS.Signals, Format, RegExp]>)(
    'at %s by %s (%s): finishes, exits 0 with the report, and the audit event names the file that is there',
    async (phase, signal, format, said) => {
      const eventsBefore = (await exportEvents(database.url)).length;
      const run = await exportAndInterrupt(phase, signal, format);
      expect(run.sent, run.stderr).toBe(true);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(said);
      expect(run.stderr).not.toMatch(/nothing was written|rolled back/);
      expect(run.stdout).toMatch(/Exported study "big" as \w+ to .*: .* 3000 segments/);
      expect(readdirSync(run.folder)).toEqual([`study.${format}`]);
      const bytes = readFileSync(run.out);
      const events = await exportEvents(database.url);
      expect(events).toHaveLength(eventsBefore + 1);
      expect(events.at(-1)).toMatchObject({
        format,
        via: 'cli',
        file: { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') },
      });
    },
    60_000,
  );
});
