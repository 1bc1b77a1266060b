/**
 * Research without loss (issue 13), on both dialects: a REFI-QDA project imported into a study and exported as
 * .qdpx keeps its notes with their targets, sets with members, code colours and descriptions, selection names
 * and descriptions, users with their GUIDs and the project's metadata; importing that export into a new study
 * and exporting again gives the same project.qde element for element; every export is XSD-valid (the reader's
 * schema check); and what the study does not keep is named in one summary warning with counts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Code,
  type Project,
  readProject,
  SPEC_CONVENTION,
  type TextSource,
  writeProject,
} from '@peerbridge/refi-qda';
import {
  diffTrees,
  fixtures,
  NVIVO_SAMPLE,
  nvivoLikeQdpx,
  qdeTree,
  RICH,
  readZipEntries,
  richQdpx,
  sharedSample,
  syntheticQdpx,
} from '@peerbridge/refi-qda/testing';
import { testDialects } from '@peerbridge/testing';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { aResearcherInOrgA } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { exportStudy } from './export-study';
import { importStudy } from './import-study';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-lossless-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileOf(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const nvivoShared = sharedSample(NVIVO_SAMPLE);
const samples: [string, () => string][] = [
  [
    'the rich synthetic project (notes, sets, descriptions, colours, two coders)',
    () => fileOf('rich.qdpx', richQdpx()),
  ],
  [
    'the rich project with what the study does not keep',
    () => fileOf('rich-extras.qdpx', richQdpx({ extras: true })),
  ],
  ['the NVivo-like project', () => fileOf('nvivo-like.qdpx', nvivoLikeQdpx())],
  ['the synthetic spec project', () => fileOf('synthetic.qdpx', syntheticQdpx(SPEC_CONVENTION))],
  ['the ATLAS.ti sample (.qde without texts)', () => fixtures.atlasSample],
];
if (nvivoShared) samples.push([`the real ${NVIVO_SAMPLE} in ../shared`, () => nvivoShared]);

async function qdeOf(path: string): Promise<string> {
  const entries = await readZipEntries(path);
  return (entries.get('project.qde') as Buffer).toString('utf8');
}

function codesOf(list: readonly Code[], out: unknown[] = []): unknown[] {
  for (const c of list) {
    out.push({
      guid: c.guid,
      name: c.name,
      color: c.color,
      description: c.description,
      noteRefs: c.noteRefs,
      children: c.children.map((k) => k.guid),
    });
    codesOf(c.children, out);
  }
  return out;
}

/**
 * What the study promises to keep of a project, as the reader sees it. `exported` says the view is of an
 * export: a selection without its own user is credited to its first coding's user there (readers need one).
 */
function keptView(project: Project, definedCodes: ReadonlySet<string>) {
  const texts = project.sources.filter((s): s is TextSource => s.kind === 'text');
  return {
    project: {
      name: project.name,
      origin: project.origin,
      description: project.description,
      creatingUser: project.creatingUser,
      creationDateTime: project.creationDateTime,
      modifyingUser: project.modifyingUser,
      modifiedDateTime: project.modifiedDateTime,
      noteRefs: project.noteRefs,
    },
    users: project.users,
    codes: codesOf(project.codes),
    notes: project.notes.map(({ guid, name, description, text, creatingUser, creationDateTime }) => ({
      guid,
      name,
      description,
      text,
      creatingUser,
      creationDateTime,
    })),
    sets: project.sets,
    sources: texts.map((s) => ({
      guid: s.guid,
      name: s.name,
      noteRefs: s.noteRefs,
      selections: s.selections
        .filter((x) => x.end > x.start)
        .map((x) => ({
          guid: x.guid,
          name: x.name,
          description: x.description,
          start: x.start,
          end: x.end,
          text: x.text,
          creatingUser: x.creatingUser ?? x.codings.find((c) => c.creatingUser)?.creatingUser,
          creationDateTime: x.creationDateTime,
          noteRefs: x.noteRefs,
          codings: x.codings
            .filter((c) => definedCodes.has(c.codeGuid))
            .map((c) => ({
              guid: c.guid,
              codeGuid: c.codeGuid,
              creatingUser: c.creatingUser,
              creationDateTime: c.creationDateTime,
              noteRefs: c.noteRefs,
            })),
        }))
        .sort((a, b) => a.start - b.start || a.end - b.end || (a.guid < b.guid ? -1 : 1)),
    })),
  };
}

function codeGuids(list: readonly Code[], out = new Set<string>()): Set<string> {
  for (const c of list) {
    out.add(c.guid);
    codeGuids(c.children, out);
  }
  return out;
}

describe.each(testDialects())('REFI-QDA projects through a study without loss on %s', (dialect) => {
  let database: MigratedDatabase;
  let db: Db;
  let researcher: Actor;

  beforeEach(async () => {
    database = await openMigratedDatabase(dialect);
    db = database.handle.db;
    researcher = await aResearcherInOrgA(db);
  });
  afterEach(async () => {
    await database.close();
  });

  async function importAndExport(file: string, study: string): Promise<string> {
    const report = await importStudy(db, researcher, { file, study });
    expect(report.status).toBe('imported');
    const exported = await exportStudy(db, researcher, { study, format: 'qdpx' });
    const out = join(dir, `${dialect}-${study}.qdpx`);
    await writeProject(exported.qdpx?.project as Project, out);
    return out;
  }

  it.each(samples)(
    '%s: import, export, re-import, export gives the same project.qde',
    async (_label, file) => {
      const original = file();
      const first = await importAndExport(original, 'First');
      const second = await importAndExport(first, 'Second');
      expect(diffTrees(qdeTree(await qdeOf(first)), qdeTree(await qdeOf(second)))).toEqual([]);

      // Every export is valid against the REFI-QDA XSD: the reader's schema check finds nothing.
      for (const path of [first, second]) {
        const read = await readProject(path, { includeSourceText: true });
        expect(read.warnings.filter((w) => w.code.startsWith('schema_'))).toEqual([]);
      }

      // And the first export keeps all of the original that the study promises to keep.
      const source = await readProject(original, { includeSourceText: true });
      const exported = await readProject(first, { includeSourceText: true });
      const defined = codeGuids(source.codes);
      expect(keptView(exported, defined)).toEqual(keptView(source, defined));
    },
  );

  it('keeps the rich project’s notes, sets, colours, descriptions and both coders, and says what it does not keep', async () => {
    const report = await importStudy(db, researcher, {
      file: fileOf('rich-extras-report.qdpx', richQdpx({ extras: true })),
      study: 'Rich',
    });
    const summaries = report.warnings.filter((w) => w.startsWith('not kept in the study'));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toContain('1 × PDF source,');
    expect(summaries[0]).toContain('1 × PDF source selection');
    expect(summaries[0]).toContain('2 × link');
    expect(summaries[0]).toContain('1 × graph');
    expect(summaries[0]).toContain('1 × <PlainTextSelection> in a note');
    expect(summaries[0]).toContain('1 × whole-source coding');
    expect(summaries[0]).toContain('1 × case selection reference');
    expect(report.coders.map((c) => c.user)).toEqual([RICH.coderA, RICH.coderB]);

    const notes = await db.selectFrom('study_note').select(['guid', 'text']).execute();
    expect(notes.map((n) => n.guid).sort()).toEqual(
      [RICH.projectMemo, RICH.sourceMemo, RICH.codeMemo, RICH.selectionMemo, RICH.codingMemo].sort(),
    );
    const targets = await db
      .selectFrom('study_note_ref')
      .select(['note_guid', 'target_kind'])
      .orderBy('position')
      .execute();
    expect(new Set(targets.map((t) => t.target_kind))).toEqual(
      new Set(['project', 'source', 'code', 'selection', 'coding']),
    );
    const members = await db.selectFrom('study_set_member').select('member_kind').execute();
    expect(new Set(members.map((m) => m.member_kind))).toEqual(new Set(['code', 'source', 'note']));
    const users = await db.selectFrom('study_user').select(['guid']).orderBy('position').execute();
    expect(users.map((u) => u.guid)).toEqual([RICH.coderA, RICH.coderB]);
    const coloured = await db.selectFrom('code').select('guid').where('color', 'is not', null).execute();
    expect(coloured.length).toBeGreaterThan(0);
  });

  it('credits segments to the coding’s user by default and to the selection’s with coderFrom: selection', async () => {
    const file = fileOf('rich-coders.qdpx', richQdpx());
    const byCoding = await importStudy(db, researcher, { file, study: 'By coding', dryRun: true });
    const bySelection = await importStudy(db, researcher, {
      file,
      study: 'By selection',
      dryRun: true,
      coderFrom: 'selection',
    });
    const total = (r: typeof byCoding) => r.coders.reduce((n, c) => n + c.segments, 0);
    expect(total(byCoding)).toBe(byCoding.counts.coded_segment);
    expect(total(bySelection)).toBe(total(byCoding));
    // Coder A made four of the six coded selections, coder B four of the six codings (one coding names no
    // user and so is its selection's, B's).
    const counts = (r: typeof byCoding) => r.coders.map((c) => [c.user, c.segments]);
    expect(counts(byCoding)).toEqual([
      [RICH.coderA, 2],
      [RICH.coderB, 4],
    ]);
    expect(counts(bySelection)).toEqual([
      [RICH.coderA, 4],
      [RICH.coderB, 2],
    ]);
  });

  async function extrasRows(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of [
      'study_project',
      'study_user',
      'study_selection',
      'study_note',
      'study_note_ref',
      'study_set',
      'study_set_member',
    ] as const) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  it('a second file that clashes with the study writes none of its notes, sets or users (all or nothing)', async () => {
    await importStudy(db, researcher, { file: fileOf('rich-first.qdpx', richQdpx()), study: 'Twice' });
    const before = await extrasRows();
    expect(before.study_note).toBe(5);
    await expect(
      importStudy(db, researcher, {
        file: fileOf('rich-second.qdpx', richQdpx({ extras: true })),
        study: 'Twice',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await extrasRows()).toEqual(before);
  });

  it('a pseudonymised import keeps no note, set, user, description or file GUID of codings, and says so', async () => {
    const key = new TextEncoder().encode('researcher-key-of-at-least-thirty-two-bytes!');
    const report = await importStudy(db, researcher, {
      file: fileOf('rich-pseudo-import.qdpx', richQdpx()),
      study: 'Pseudo import',
      pseudonymKey: key,
    });
    expect(report.status).toBe('imported');
    const rows = await extrasRows();
    expect(rows).toEqual({
      ...rows,
      study_user: 0,
      study_selection: 0,
      study_note: 0,
      study_note_ref: 0,
      study_set: 0,
      study_set_member: 0,
    });
    const described = await db
      .selectFrom('code')
      .select('guid')
      .where('description', 'is not', null)
      .execute();
    expect(described).toEqual([]);
    const withFileGuids = await db
      .selectFrom('coded_segment')
      .select('id')
      .where((eb) => eb.or([eb('coding_guid', 'is not', null), eb('coding_user', 'is not', null)]))
      .execute();
    expect(withFileGuids).toEqual([]);
    expect(report.warnings.some((w) => w.startsWith('pseudonymised import: free text'))).toBe(true);
    expect(report.coders.every((c) => c.name === null && c.user === null)).toBe(true);
  });

  it('a pseudonymised export leaves notes, sets, user names and descriptions out', async () => {
    await importStudy(db, researcher, { file: fileOf('rich-pseudo.qdpx', richQdpx()), study: 'Pseudo' });
    const key = new TextEncoder().encode('researcher-key-of-at-least-thirty-two-bytes!');
    const exported = await exportStudy(db, researcher, {
      study: 'Pseudo',
      format: 'qdpx',
      pseudonymKey: key,
    });
    const project = exported.qdpx?.project as Project;
    expect(project.notes).toEqual([]);
    expect(project.sets).toEqual([]);
    expect(project.users.some((u) => u.guid === RICH.coderA || u.guid === RICH.coderB)).toBe(false);
    expect(
      codesOf(project.codes).some((c) => (c as { description?: string }).description !== undefined),
    ).toBe(false);
    const json = await exportStudy(db, researcher, { study: 'Pseudo', format: 'json' });
    expect(JSON.stringify(json.json)).not.toContain(RICH.projectMemo);
  });
});
