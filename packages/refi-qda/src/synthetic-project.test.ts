/** Tests offset-convention detection and the write/read round trip on a synthetic Czech project. */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OffsetConvention, TextSource } from './model';
import { openProject, readProject } from './project-reader';
import { writeProject } from './project-writer';
import {
  IDS,
  SOURCE1_PHRASES,
  SOURCE1_TEXT,
  SOURCE2_PHRASES,
  SOURCE2_TEXT,
  syntheticQdpx,
} from './test-support/synthetic-project';
import { useTmpDir } from './test-support/tmp-dir';

const tmp = useTmpDir('synthetic');

const CONVENTIONS: OffsetConvention[] = [];
for (const bomCounted of [false, true]) {
  for (const crlf of [2, 1] as const) {
    for (const unit of ['codePoint', 'utf16'] as const) CONVENTIONS.push({ unit, crlf, bomCounted });
  }
}

function label(c: OffsetConvention): string {
  return `${c.unit}, CRLF as ${c.crlf}, BOM ${c.bomCounted ? 'counted' : 'not counted'}`;
}

function textSource(sources: readonly { kind: string }[], guid: string): TextSource {
  const found = sources.find((s): s is TextSource => s.kind === 'text' && (s as TextSource).guid === guid);
  if (!found) throw new Error(`no text source ${guid}`);
  return found;
}

describe('synthetic Czech project in every offset convention', () => {
  for (const convention of CONVENTIONS) {
    it(`finds ${label(convention)} and slices every selection exactly`, async () => {
      const file = join(tmp(), `czech-${convention.unit}-${convention.crlf}-${convention.bomCounted}.qdpx`);
      writeFileSync(file, syntheticQdpx(convention));
      const project = await readProject(file);

      const s1 = textSource(project.sources, IDS.source1);
      expect(s1.textAvailable).toBe(true);
      expect(s1.selections.map((s) => s.text)).toEqual([...SOURCE1_PHRASES]);
      for (const s of s1.selections) expect(SOURCE1_TEXT.slice(s.start, s.end)).toBe(s.text);

      const s2 = textSource(project.sources, IDS.source2);
      expect(s2.textLocation).toBe('inline');
      expect(s2.selections.map((s) => s.text)).toEqual([...SOURCE2_PHRASES]);
      for (const s of s2.selections) expect(SOURCE2_TEXT.slice(s.start, s.end)).toBe(s.text);

      const d1 = project.offsetDecisions.find((d) => d.sourceGuid === IDS.source1);
      expect(d1?.convention).toEqual(convention);
      expect(d1?.ambiguous).toBe(false);
      expect(d1?.reason).toMatch(/all 8 selections in range/);
      // The inline source has no BOM or CRLF, so only the unit can be told apart there.
      const d2 = project.offsetDecisions.find((d) => d.sourceGuid === IDS.source2);
      expect(d2?.convention?.unit).toBe(convention.unit);
    });
  }

  it('reads the rest of the model: users, nested codes, folders, variables, cases, sets, notes', async () => {
    const file = join(tmp(), 'czech-model.qdpx');
    writeFileSync(file, syntheticQdpx({ unit: 'codePoint', crlf: 2, bomCounted: false }));
    const p = await readProject(file);
    expect(p.name).toBe('Syntetický projekt');
    expect(p.users).toEqual([
      { guid: IDS.user1, name: 'Tester Jedna', id: 'TJ' },
      // Braces and upper case are normalised away.
      { guid: IDS.user2, name: 'Tester Dva' },
    ]);
    expect(p.codes).toHaveLength(2);
    const folder = p.codes[0]!;
    expect(folder).toMatchObject({
      name: 'Emoce',
      isCodable: false,
      color: '#AA3300',
      description: 'Složka pro pocity',
    });
    expect(folder.children.map((c) => c.name)).toEqual(['Radost', 'Únava']);
    expect(folder.children[1]?.noteRefs).toEqual([IDS.note]);
    expect(p.codes[1]?.name).toBe('Místa::řeka');
    expect(p.variables).toEqual([
      { guid: IDS.age, name: 'věk', type: 'Integer' },
      { guid: IDS.role, name: 'role', type: 'Text', description: 'Pracovní role účastníka' },
    ]);
    expect(p.cases[0]).toMatchObject({
      name: 'Účastnice A',
      sourceRefs: [IDS.source1],
      variableValues: [
        { variableGuid: IDS.age, type: 'Integer', value: 34 },
        { variableGuid: IDS.role, type: 'Text', value: 'průvodkyně' },
      ],
    });
    expect(p.cases[1]?.sourceRefs).toEqual([IDS.source2]);
    expect(p.sets).toEqual([
      {
        guid: IDS.set,
        name: 'Pocity',
        memberCodes: [IDS.joy, IDS.tired],
        memberSources: [IDS.source1],
        memberNotes: [],
      },
    ]);
    expect(p.notes).toMatchObject([
      { guid: IDS.note, name: 'Memo o únavě', text: 'Únava přichází hlavně ráno 😴' },
    ]);
    const sel = textSource(p.sources, IDS.source1).selections[0]!;
    expect(sel).toMatchObject({
      creatingUser: IDS.user1,
      creationDateTime: '2024-05-01T10:00:00Z',
      codings: [{ codeGuid: IDS.joy, creatingUser: IDS.user2, creationDateTime: '2024-05-02T11:00:00Z' }],
    });
    // The one deviation from the schema is deliberate (<MemberSource> in a Case, as some tools write it).
    expect(p.warnings).toEqual([
      expect.objectContaining({ code: 'schema_invalid', element: 'MemberSource', line: 32 }),
    ]);
    expect(p.warnings[0]?.message).toMatch(
      /project\.qde:32: .*Element 'MemberSource': This element is not expected/,
    );
  });

  it('yields sources one at a time through openProject, with the text when asked', async () => {
    const file = join(tmp(), 'czech-stream.qdpx');
    writeFileSync(file, syntheticQdpx({ unit: 'utf16', crlf: 2, bomCounted: false }));
    const reader = await openProject(file);
    try {
      // Before iterating, selections are as written and have no text yet.
      expect(textSource(reader.project.sources, IDS.source1).selections[0]?.text).toBeNull();
      const seen: string[] = [];
      for await (const loaded of reader.textSources()) {
        seen.push(loaded.source.guid);
        expect(loaded.decision.sourceGuid).toBe(loaded.source.guid);
        if (loaded.source.guid === IDS.source1) expect(loaded.content).toBe(SOURCE1_TEXT);
      }
      expect(seen).toEqual([IDS.source1, IDS.source2]);
      expect(reader.project.offsetDecisions).toHaveLength(2);
    } finally {
      reader.close();
    }
  });

  for (const convention of CONVENTIONS.slice(0, 4)) {
    it(`round-trips through writeProject (read in ${label(convention)})`, async () => {
      const dir = tmp();
      const input = join(dir, `rt-in-${convention.unit}-${convention.crlf}.qdpx`);
      const output = join(dir, `rt-out-${convention.unit}-${convention.crlf}.qdpx`);
      writeFileSync(input, syntheticQdpx(convention));
      const original = await readProject(input, { includeSourceText: true });
      const result = await writeProject(original, output);
      expect(result.skippedSources).toEqual([]);
      const again = await readProject(output, { includeSourceText: true });

      // Written in the spec's convention, so that is what is found on the way back.
      for (const d of again.offsetDecisions)
        expect(d.convention).toEqual({ unit: 'codePoint', crlf: 2, bomCounted: false });
      const strip = (p: typeof original) => ({
        ...p,
        warnings: [],
        offsetDecisions: [],
        sources: p.sources.map((s) =>
          s.kind === 'text'
            ? {
                ...s,
                plainTextPath: undefined,
                textLocation: undefined,
                selections: s.selections.map((sel) => ({ ...sel, written: undefined })),
              }
            : s,
        ),
      });
      expect(strip(again)).toEqual(strip(original));
      const s1 = textSource(again.sources, IDS.source1);
      expect(s1.content).toBe(SOURCE1_TEXT);
      expect(s1.selections.map((s) => s.text)).toEqual([...SOURCE1_PHRASES]);
      // Written positions are code points: the emoji before "louku" counts once, CRLF twice.
      const louku = s1.selections[5]!;
      expect(louku.written.start).toBe([...SOURCE1_TEXT.slice(0, SOURCE1_TEXT.indexOf('louku'))].length);
    });
  }
});
