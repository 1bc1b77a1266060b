import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { richQdpx } from '@peerbridge/refi-qda/testing';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { czechMappingYaml, czechProject } from '../../test/builders/czech-project';
import { writeQdpx } from '../../test/builders/refi-project';
import { initializedDatabase, runCli } from '../../test/cli-harness';
import { createTestContext } from '../context';
import { analyzeStudy } from './analyze';
import { importFile } from './import';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testDialects())('peerbridge analyze on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
    const file = join(dir, 'czech.qdpx');
    const mapping = join(dir, 'mapping.yaml');
    await writeQdpx(file, czechProject);
    writeFileSync(mapping, czechMappingYaml);
    await importFile({ db: database.url, file, study: 'czech', mapping, dryRun: false }, createTestContext());
  });
  afterAll(async () => {
    await database.drop();
  });

  it('profiles each participant, counts prevalence by setting, and dates the analysis by the latest observation', async () => {
    const a = await analyzeStudy({ db: database.url, study: 'czech' }, createTestContext());
    expect(a.cohort.asOf).toBe('2024-03-01');
    expect(a.cohort.participants.map((p) => [p.id, p.setting])).toEqual([
      ['Účastnice 01', 'inpatient'],
      ['Účastník 02', 'community'],
    ]);
    const first = a.cohort.participants[0];
    // after-hours contact (coded by both coders), phone off after hours, not invited to team meetings
    expect(first?.observationsInWindow).toBe(4);
    expect(a.cohort.prevalence.overall.participants).toBe(2);
    expect(a.cohort.prevalence.bySetting.inpatient.participants).toBe(1);
    expect(a.cohort.prevalence.bySetting.other.participants).toBe(0);
  });

  it('reports co-occurrence with c-coefficients from one coder’s overlapping segments of different codes', async () => {
    const a = await analyzeStudy({ db: database.url, study: 'czech' }, createTestContext());
    const pair = a.coOccurrence.find(
      (r) => r.codeA === 'Není zván na porady týmu' || r.codeB === 'Není zván na porady týmu',
    );
    // one selection carries both codes, so they overlap once: c = 1 / (1 + 2 - 1)
    expect(pair).toMatchObject({ n12: 1, c: 0.5 });
    // Bedřich's "Využívá vlastní zkušenost v týmu" overlaps Alena's "Tým oceňuje jeho vstupy": two coders
    // reading one passage differently, so it is no co-occurrence unless asked for across coders.
    const team = (rows: typeof a.coOccurrence) =>
      rows.find((r) => [r.codeA, r.codeB].includes('Využívá vlastní zkušenost v týmu'));
    expect(team(a.coOccurrence)).toBeUndefined();
    const across = await analyzeStudy(
      { db: database.url, study: 'czech', coOccurrence: 'across-coders' },
      createTestContext(),
    );
    expect(team(across.coOccurrence)).toMatchObject({ codeB: 'Využívá vlastní zkušenost v týmu', n12: 1 });
    expect(across.coOccurrence.find((r) => r.codeA === pair?.codeA && r.codeB === pair?.codeB)).toEqual(pair);
  });

  it('computes inter-coder agreement per code over paragraphs when two coders coded', async () => {
    const a = await analyzeStudy({ db: database.url, study: 'czech' }, createTestContext());
    expect(a.agreement?.coders).toEqual(['Kodér Bedřich', 'Kodérka Alena']);
    const afterHours = a.agreement?.codes.find((c) => c.code === 'Kontakt s klienty po pracovní době');
    // both coders coded the same paragraph of document 01 (9 paragraphs in both documents, both coded both)
    expect(afterHours).toMatchObject({ units: 9, percentAgreement: 1, cohenKappa: 1, krippendorffAlpha: 1 });
    const phone = a.agreement?.codes.find((c) => c.code === 'Vypíná telefon po práci');
    expect(phone?.percentAgreement).toBeCloseTo(8 / 9, 10);
    expect(phone?.cohenKappa).toBe(0);
  });

  it('prints a table, parseable JSON and tidy CSV', async () => {
    const table = await runCli(['--db', database.url, 'analyze', '--study', 'czech']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Inter-coder agreement');
    const json = await runCli(['--db', database.url, 'analyze', '--study', 'czech', '--format', 'json']);
    expect(JSON.parse(json.stdout).ok).toBe(true);
    const viaFlag = await runCli(['--db', database.url, '--json', 'analyze', '--study', 'czech']);
    expect(JSON.parse(viaFlag.stdout).cohort.asOf).toBe('2024-03-01');
    const csv = await runCli(['--db', database.url, 'analyze', '--study', 'czech', '--format', 'csv']);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(
      rows.find(
        (r) =>
          r.section === 'agreement' &&
          r.measure === 'cohen_kappa' &&
          r.subject === 'Kontakt s klienty po pracovní době',
      )?.value,
    ).toBe('1');
    // A pair of codes is two columns, never one cell joined with a separator.
    const pairs = rows.filter((r) => r.section === 'co_occurrence');
    expect(pairs.length).toBeGreaterThan(0);
    for (const r of pairs) {
      expect(r.subject).not.toBe('');
      expect(r.subject_b).not.toBe('');
      expect(r.subject).not.toContain(' | ');
    }
    expect(rows.filter((r) => r.section !== 'co_occurrence').every((r) => r.subject_b === '')).toBe(true);
  });

  it('measures agreement on the --unit chosen, with per-coder coverage, and pairs codes within a coder unless told', async () => {
    const json = async (...args: string[]) => {
      const r = await runCli([
        '--db',
        database.url,
        'analyze',
        '--study',
        'czech',
        '--format',
        'json',
        ...args,
      ]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const paragraphs = await json();
    expect(paragraphs.agreement.unit).toBe('paragraph');
    expect(paragraphs.coOccurrenceMode).toBe('within-coder');
    expect(paragraphs.agreement.coverage.map((c: { coderId: string }) => c.coderId)).toEqual(
      paragraphs.agreement.coders,
    );
    const chars = await json('--unit', 'character');
    expect(chars.agreement.unit).toBe('character');
    const afterHours = (a: { agreement: { codes: Array<{ code: string; units: number }> } }) =>
      a.agreement.codes.find((c) => c.code === 'Kontakt s klienty po pracovní době');
    // Characters, not the 9 paragraphs, are the units now.
    expect(afterHours(chars)?.units).toBeGreaterThan(afterHours(paragraphs)?.units ?? 0);
    expect((await json('--co-occurrence', 'across-coders')).coOccurrenceMode).toBe('across-coders');

    const table = await runCli(['--db', database.url, 'analyze', '--study', 'czech', '--unit', 'sentence']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Inter-coder agreement (units: sentences)');
    expect(table.stdout).toMatch(/coder\s+documents\s+sentences\s+coded\s+coverage/);
    expect(table.stdout).toContain('Code co-occurrence within each coder’s segments');
    const csv = await runCli([
      '--db',
      database.url,
      'analyze',
      '--study',
      'czech',
      '--unit',
      'character',
      '--format',
      'csv',
    ]);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.section === 'settings' && r.subject === 'agreement')?.value).toBe('character');
    expect(rows.some((r) => r.section === 'agreement' && r.measure === 'krippendorff_cu_alpha')).toBe(true);
    expect(
      rows.filter((r) => r.section === 'coverage' && r.measure === 'coverage').map((r) => r.subject),
    ).toEqual(chars.agreement.coders);
  });

  it('refuses an unknown --unit or --co-occurrence, naming the option and the values it takes', async () => {
    const unit = await runCli(['--db', database.url, 'analyze', '--study', 'czech', '--unit', 'word']);
    expect(unit.code).toBe(1);
    expect(unit.stdout).toBe('');
    expect(unit.stderr).toContain('--unit');
    expect(unit.stderr).toContain('paragraph, sentence, document, character');
    const mode = await runCli([
      '--db',
      database.url,
      'analyze',
      '--study',
      'czech',
      '--co-occurrence',
      'all',
    ]);
    expect(mode.code).toBe(1);
    expect(mode.stderr).toContain('--co-occurrence');
    expect(mode.stderr).toContain('within-coder, across-coders');
  });

  it('shows the memos of an imported project beside the project, codes and documents they are about', async () => {
    const file = join(dir, 'rich.qdpx');
    writeFileSync(file, richQdpx());
    await importFile({ db: database.url, file, study: 'memos', dryRun: false }, createTestContext());
    const a = await analyzeStudy({ db: database.url, study: 'memos' }, createTestContext());
    expect(a.memos.map((m) => [m.target, m.document, m.code, m.name])).toEqual([
      ['code', null, 'Naděje', 'Memo ke kódu Naděje'],
      ['document', 'Rozhovor 1', null, 'Memo k rozhovoru'],
      ['selection', 'Rozhovor 1', null, 'Memo k úryvku'],
      ['coding', 'Rozhovor 1', 'Naděje', 'Memo ke kódování'],
      ['project', null, null, 'Výzkumný deník'],
    ]);
    expect(a.memos.find((m) => m.target === 'project')?.text).toContain('Den 2: shoda mezi kodéry.');
    const table = await runCli(['--db', database.url, 'analyze', '--study', 'memos']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Memos[\s\S]*Rozhovor 1\s+.*Memo k rozhovoru\s+.*Rozhovor proběhl online\./);
  });

  it('counts notes per code and document, and --set restricts the analysis to a set’s documents and codes', async () => {
    const file = join(dir, 'rich-sets.qdpx');
    writeFileSync(file, richQdpx());
    await importFile({ db: database.url, file, study: 'sets', dryRun: false }, createTestContext());
    const table = await runCli(['--db', database.url, 'analyze', '--study', 'sets']);
    expect(table.code, table.stderr).toBe(0);
    const counts = table.stdout.slice(table.stdout.indexOf('Notes per code and document'));
    expect(counts).toMatch(/code\s+Naděje\s+2\n/);
    expect(counts).toMatch(/document\s+Rozhovor 1\s+3\n/);
    expect(counts).toMatch(/project\s+\(project\)\s+1\n/);

    const whole = await analyzeStudy({ db: database.url, study: 'sets' }, createTestContext());
    const narrowed = await analyzeStudy(
      { db: database.url, study: 'sets', set: 'Podpora' },
      createTestContext(),
    );
    expect(whole.set).toBeNull();
    expect(narrowed.set).toEqual({ name: 'Podpora', documents: 1, codes: 2 });
    expect(narrowed.counts).toMatchObject({ documents: 1, codes: 2, segments: 2 });
    expect(whole.counts.segments).toBeGreaterThan(narrowed.counts.segments);
    expect(narrowed.agreement?.codes.map((c) => c.code).sort()).toEqual([
      'Práce > Podpora',
      'Rodina > Podpora',
    ]);
    const setTable = await runCli(['--db', database.url, 'analyze', '--study', 'sets', '--set', 'Podpora']);
    expect(setTable.code, setTable.stderr).toBe(0);
    expect(setTable.stdout).toContain('Restricted to set "Podpora" (1 document, 2 codes)');

    const unknown = await runCli(['--db', database.url, 'analyze', '--study', 'sets', '--set', 'Nic']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('set');
    expect(unknown.stderr).toContain('a set of this study');
  });
});
