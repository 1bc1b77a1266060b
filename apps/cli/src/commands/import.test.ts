import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@peerbridge/db';
import { indicatorGuid } from '@peerbridge/domain';
import { richQdpx } from '@peerbridge/refi-qda/testing';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { czechMappingYaml, czechProject } from '../../test/builders/czech-project';
import { writeQde, writeQdpx } from '../../test/builders/refi-project';
import { countRows, initializedDatabase, runCli } from '../../test/cli-harness';
import { atlasSample, nvivoSample, writeNvivoLike } from '../../test/fixtures-path';
import { createTestContext } from '../context';
import { importFile } from './import';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const czechFile = join(dir, 'czech.qdpx');
const mappingFile = join(dir, 'mapping.yaml');

beforeAll(async () => {
  await writeQdpx(czechFile, czechProject);
  writeFileSync(mappingFile, czechMappingYaml);
});

describe.each(testDialects())('peerbridge import on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });
  const ctx = () => createTestContext();

  it('imports the ATLAS.ti sample: codes, text sources and selections, media listed as skipped', async () => {
    const report = await importFile(
      { db: database.url, file: atlasSample, study: 'atlas sample', dryRun: false },
      ctx(),
    );
    expect(report.status).toBe('imported');
    expect(report.format).toBe('qde');
    expect(report.counts).toMatchObject({ document: 6, code: 14, coded_segment: 7, participant: 0 });
    expect(report.unmappedCodes.map((c) => c.name)).toContain('Coke::diet Coke');
    expect(report.warnings.some((w) => w.includes('not kept in the study') && w.includes('PDF source'))).toBe(
      true,
    );
  });

  const nestedProjects: { label: string; file: () => string }[] = [
    { label: 'a synthetic project with NVivo for Mac quirks', file: () => writeNvivoLike(dir) },
  ];
  const realSample = nvivoSample;
  if (realSample) nestedProjects.push({ label: 'the NVivo sample from ../shared', file: () => realSample });
  it.each(nestedProjects)(
    'imports $label with its 262 nested codes and keeps the tree',
    async ({ label, file }) => {
      const report = await importFile({ db: database.url, file: file(), study: label, dryRun: false }, ctx());
      expect(report.counts.code).toBe(262);
      const handle = await openDatabase({ url: database.url });
      try {
        const children = await handle.db
          .selectFrom('code')
          .innerJoin('study', 'study.id', 'code.study_id')
          .where('study.name', '=', label)
          .where('code.parent_id', 'is not', null)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(children.n)).toBeGreaterThan(200);
      } finally {
        await handle.destroy();
      }
    },
  );

  it('imports the Czech project with every segment text exact, participants with their variables, observations', async () => {
    const report = await importFile(
      { db: database.url, file: czechFile, study: 'czech', mapping: mappingFile, dryRun: false },
      ctx(),
    );
    const expectedSegments = czechProject.documents.flatMap((d) =>
      d.selections.flatMap((s) => s.codes.map(() => ({ d, s }))),
    );
    expect(report.counts).toEqual({
      participant: 2,
      document: 2,
      code: czechProject.codes.length,
      coded_segment: expectedSegments.length,
      // every coded segment whose code is mapped: all except the two with the unmapped ✨ code
      study_observation: expectedSegments.length - 2,
    });
    expect(report.unmappedCodes.map((c) => c.name)).toEqual(['Vlastní kód bez indikátoru ✨']);
    const bomDecision = report.offsetDecisions.find((d) => d.document.startsWith('Rozhovor 01'));
    expect(bomDecision?.convention).toContain('code points');

    const handle = await openDatabase({ url: database.url });
    try {
      const rows = await handle.db
        .selectFrom('coded_segment')
        .innerJoin('document', 'document.id', 'coded_segment.document_id')
        .innerJoin('study', 'study.id', 'coded_segment.study_id')
        .where('study.name', '=', 'czech')
        .select([
          'document.name as document',
          'document.text as text',
          'coded_segment.start_offset as start',
          'coded_segment.end_offset as end',
        ])
        .execute();
      const stored = rows.map((r) => `${r.document}|${r.text.slice(Number(r.start), Number(r.end))}`).sort();
      const expected = expectedSegments.map(({ d, s }) => `${d.name}|${d.text.slice(s.start, s.end)}`).sort();
      expect(stored).toEqual(expected);
      const documentA = rows.find((r) => r.document.startsWith('Rozhovor 01'));
      expect(documentA?.text).toBe(czechProject.documents[0]?.text);
      expect(documentA?.text.includes('\r\n')).toBe(true);

      const participants = await handle.db
        .selectFrom('participant')
        .innerJoin('study', 'study.id', 'participant.study_id')
        .where('study.name', '=', 'czech')
        .select(['pseudonym', 'setting', 'attributes'])
        .orderBy('pseudonym')
        .execute();
      expect(participants.map((p) => [p.pseudonym, p.setting, JSON.parse(p.attributes)])).toEqual([
        ['Účastnice 01', 'inpatient', { setting: 'inpatient', age: 41, gender: 'žena', tenure: 8 }],
        ['Účastník 02', 'community', { setting: 'community', age: 35, gender: 'muž', tenure: 30 }],
      ]);
      const meetings = await handle.db
        .selectFrom('study_observation')
        .where('indicator', '=', 'invited_to_team_meetings')
        .select(['value', 'observed_at', 'source'])
        .execute();
      expect(meetings).toEqual([{ value: 0, observed_at: '2024-03-01', source: 'interview' }]);
    } finally {
      await handle.destroy();
    }
  });

  it('detects positions written as UTF-16 code units (NVivo for Windows) and still stores exact texts', async () => {
    const file = join(dir, 'utf16.qdpx');
    await writeQdpx(file, { ...czechProject, units: 'utf16' });
    const report = await importFile({ db: database.url, file, study: 'utf16', dryRun: false }, ctx());
    expect(report.offsetDecisions.find((d) => d.document.startsWith('Rozhovor 01'))?.convention).toContain(
      'UTF-16',
    );
    const json = JSON.parse((await runCli(['--db', database.url, 'export', '--study', 'utf16'])).stdout);
    const texts = json.segments.map((s: { text: string }) => s.text).sort();
    const expected = czechProject.documents
      .flatMap((d) => d.selections.flatMap((s) => s.codes.map(() => d.text.slice(s.start, s.end))))
      .sort();
    expect(texts).toEqual(expected);
  });

  it('reports a re-import of the same file as a no-op and writes nothing', async () => {
    const before = await countRows(database.url);
    const report = await importFile(
      { db: database.url, file: czechFile, study: 'czech', mapping: mappingFile, dryRun: false },
      ctx(),
    );
    expect(report.status).toBe('already_imported');
    expect(report.counts.coded_segment).toBe(0);
    expect(await countRows(database.url)).toEqual(before);
  });

  it('dry run writes nothing and reports the same counts a real import writes', async () => {
    const before = await countRows(database.url);
    const dry = await importFile(
      { db: database.url, file: czechFile, study: 'czech dry', mapping: mappingFile, dryRun: true },
      ctx(),
    );
    expect(dry.status).toBe('dry_run');
    expect(await countRows(database.url)).toEqual(before);
    const real = await importFile(
      { db: database.url, file: czechFile, study: 'czech dry', mapping: mappingFile, dryRun: false },
      ctx(),
    );
    expect(real.counts).toEqual(dry.counts);
  });

  it('--json prints one parseable document, also for a re-import', async () => {
    const run = await runCli([
      '--db',
      database.url,
      '--json',
      'import',
      czechFile,
      '--study',
      'czech',
      '--mapping',
      mappingFile,
    ]);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(parsed).toMatchObject({ ok: true, status: 'already_imported' });
  });

  it('--coder-from credits coded selections to the coding’s user (default) or the selection’s, and says how many each', async () => {
    const rich = join(dir, 'rich.qdpx');
    writeFileSync(rich, richQdpx());
    const args = ['--db', database.url, 'import', rich, '--study', 'coders', '--dry-run'];
    const byCoding = await runCli(args);
    expect(byCoding.code).toBe(0);
    expect(byCoding.stdout).toMatch(/Segments per coder:\n\s+Kodérka A\s+2 .*\n\s+Kodér B\s+4 /);
    expect(byCoding.stdout).toMatch(
      /Also kept from the project: projects 1, users 2, notes 5, noteRefs \d+, sets 1/,
    );
    const bySelection = await runCli([...args, '--coder-from', 'selection']);
    expect(bySelection.code).toBe(0);
    expect(bySelection.stdout).toMatch(/Segments per coder:\n\s+Kodérka A\s+4 .*\n\s+Kodér B\s+2 /);
    const wrong = await runCli([...args, '--coder-from', 'nobody']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--coder-from');
  });

  it('--timings reports where the time went, per phase, for a dry run and an import; without it there are none', async () => {
    const phases = ['hash', 'unzip', 'xml', 'offsets', 'schema', 'plan', 'rows', 'commit', 'total'];
    const args = ['--db', database.url, '--json', 'import', czechFile, '--study', 'czech timed', '--timings'];
    const dry = await runCli([...args, '--dry-run']);
    expect(dry.code).toBe(0);
    const dryTimings = JSON.parse(dry.stdout).timings as Record<string, number>;
    expect(Object.keys(dryTimings).sort()).toEqual([...phases].sort());
    expect(dryTimings.rows).toBeLessThanOrEqual(1);
    expect(dryTimings.commit).toBe(0);
    const run = await runCli(args);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { status: string; timings: Record<string, number> };
    expect(report.status).toBe('imported');
    for (const phase of phases) expect(report.timings[phase]).toBeGreaterThanOrEqual(0);
    const parts = phases.filter((p) => p !== 'total').reduce((sum, p) => sum + (report.timings[p] ?? 0), 0);
    // The phases are parts of the whole (each rounded to a millisecond).
    expect(parts).toBeLessThanOrEqual((report.timings.total ?? 0) + phases.length);
    const plain = await importFile(
      { db: database.url, file: czechFile, study: 'czech untimed', dryRun: true },
      ctx(),
    );
    expect(plain.timings).toBeUndefined();
  });

  it('maps codes by the PeerBridge codebook GUID, and makes one participant per document on request', async () => {
    const file = join(dir, 'codebook-guids.qdpx');
    await writeQdpx(file, {
      codes: ['Tired all the time', 'Something else'],
      codeGuids: { 'Tired all the time': indicatorGuid('exhaustion') },
      documents: [
        {
          name: 'Interview A',
          text: 'I am tired.\nAnd busy.',
          selections: [{ start: 0, end: 11, codes: ['Tired all the time', 'Something else'] }],
        },
        {
          name: 'Interview B',
          text: 'Fine.',
          selections: [{ start: 0, end: 5, codes: ['Tired all the time'] }],
        },
      ],
    });
    const mapping = join(dir, 'per-document.yaml');
    writeFileSync(mapping, 'participants:\n  rule: document\nobservedAt: 2024-01-15\n');
    const report = await importFile(
      { db: database.url, file, study: 'by guid', mapping, dryRun: false },
      ctx(),
    );
    expect(report.counts).toMatchObject({ participant: 2, coded_segment: 3, study_observation: 2 });
    expect(report.unmappedCodes).toEqual([expect.objectContaining({ name: 'Something else', segments: 1 })]);
    const handle = await openDatabase({ url: database.url });
    try {
      const rows = await handle.db
        .selectFrom('study_observation')
        .innerJoin('participant', 'participant.id', 'study_observation.participant_id')
        .innerJoin('study', 'study.id', 'study_observation.study_id')
        .where('study.name', '=', 'by guid')
        .select(['participant.pseudonym as who', 'study_observation.indicator as indicator'])
        .orderBy('participant.pseudonym')
        .execute();
      expect(rows).toEqual([
        { who: 'Interview A', indicator: 'exhaustion' },
        { who: 'Interview B', indicator: 'exhaustion' },
      ]);
    } finally {
      await handle.destroy();
    }
  });

  it('a missing file is not found (exit 3) and names the file', async () => {
    const run = await runCli(['--db', database.url, 'import', join(dir, 'missing.qdpx'), '--study', 'x']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('missing.qdpx');
  });

  it('a .qde without texts imports its selections with their written positions', async () => {
    const qde = join(dir, 'bare.qde');
    await writeQde(qde, czechProject);
    const report = await importFile({ db: database.url, file: qde, study: 'bare', dryRun: true }, ctx());
    expect(report.counts.coded_segment).toBe(9);
    expect(report.warnings.some((w) => w.includes('text not available'))).toBe(true);
  });
});
