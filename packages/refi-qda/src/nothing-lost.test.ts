/**
 * The reader keeps everything a researcher put in the project (notes with their targets, sets, descriptions,
 * colours, users, project metadata), lists what it does not keep in ONE warning, and says when the XML is in a
 * foreign namespace or not valid against the schema. Also the coder attribution rule.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codedSelections, coderOf, segmentsPerCoder } from './coders';
import type { Code, Project, TextSource } from './model';
import { readProject } from './project-reader';
import { buildZip } from './test-support/raw-zip';
import { RICH, RICH_TEXT, richQde, richQdpx } from './test-support/rich-project';
import { useTmpDir } from './test-support/tmp-dir';

const tmp = useTmpDir('nothing-lost');

async function read(bytes: Buffer, name: string): Promise<Project> {
  const file = join(tmp(), name);
  writeFileSync(file, bytes);
  return readProject(file);
}

function qdpx(qde: string): Buffer {
  return buildZip([
    { name: 'project.qde', data: Buffer.from(qde, 'utf8') },
    { name: `sources/${RICH.interview}.txt`, data: Buffer.from(RICH_TEXT, 'utf8') },
  ]);
}

function allCodes(codes: Code[]): Code[] {
  return codes.flatMap((c) => [c, ...allCodes(c.children)]);
}

describe('the reader keeps the whole project', async () => {
  const p = await read(richQdpx(), 'rich.qdpx');
  const interview = p.sources.find((s) => s.guid === RICH.interview) as TextSource;

  it('gives no warning for a complete, schema-valid project', () => {
    expect(p.warnings).toEqual([]);
  });

  it('keeps the project metadata: origin, dates, creating and modifying user, description, memo', () => {
    expect(p).toMatchObject({
      name: 'Bohatý projekt',
      origin: 'PeerBridge test generator 1.0',
      creatingUser: RICH.coderA,
      creationDateTime: '2025-01-10T08:00:00Z',
      modifyingUser: RICH.coderB,
      modifiedDateTime: '2025-02-11T09:30:00Z',
      description: 'Syntetický projekt pro test úplného přenosu',
      noteRefs: [RICH.projectMemo],
    });
  });

  it('keeps users with their GUIDs (normalised, never regenerated), names and ids', () => {
    expect(p.users).toEqual([
      { guid: RICH.coderA, name: 'Kodérka A', id: 'KA' },
      { guid: RICH.coderB, name: 'Kodér B', id: 'KB' },
    ]);
  });

  it('keeps code colours, descriptions and code memos, and same-named codes under different parents', () => {
    const codes = allCodes(p.codes);
    expect(codes.find((c) => c.guid === RICH.folder)).toMatchObject({
      color: '#AA3300',
      description: 'Pocity respondentů',
      isCodable: false,
    });
    expect(codes.find((c) => c.guid === RICH.hope)).toMatchObject({
      color: '#00FF7F',
      description: 'Očekávání, že se věci zlepší',
      noteRefs: [RICH.codeMemo],
    });
    expect(codes.find((c) => c.guid === RICH.fear)?.color).toBe('#333');
    expect(codes.filter((c) => c.name === 'Podpora').map((c) => c.guid)).toEqual([
      RICH.workSupport,
      RICH.familySupport,
    ]);
  });

  it('keeps every note with its text, and each target points at it (project, source, code, selection, coding)', () => {
    expect(p.notes.map((n) => n.name)).toEqual([
      'Výzkumný deník',
      'Memo k rozhovoru',
      'Memo ke kódu Naděje',
      'Memo k úryvku',
      'Memo ke kódování',
    ]);
    expect(p.notes[0]).toMatchObject({
      description: 'Deník celého projektu',
      creatingUser: RICH.coderA,
      creationDateTime: '2025-01-10T08:01:00Z',
      text: 'Den 1: začínáme kódovat.\r\nDen 2: shoda mezi kodéry.',
    });
    expect(interview.noteRefs).toEqual([RICH.sourceMemo]);
    const [first] = interview.selections;
    expect(first?.noteRefs).toEqual([RICH.selectionMemo]);
    expect(first?.codings[1]?.noteRefs).toEqual([RICH.codingMemo]);
  });

  it('keeps selection names, descriptions, both users and dates, whole-source codings and source variables', () => {
    const [first] = interview.selections;
    expect(first).toMatchObject({
      name: 'naděje',
      description: 'Respondentka mluví o naději',
      text: 'naději 🙂',
      creatingUser: RICH.coderA,
      creationDateTime: '2025-01-11T10:00:00Z',
    });
    expect(first?.codings.map((c) => c.creatingUser)).toEqual([RICH.coderA, RICH.coderB]);
    expect(interview.codings.map((c) => c.codeGuid)).toEqual([RICH.work]);
    expect(interview).toMatchObject({
      description: 'Přepis prvního rozhovoru',
      modifyingUser: RICH.coderB,
      modifiedDateTime: '2025-01-12T10:00:00Z',
      variableValues: [{ variableGuid: RICH.age, type: 'Integer', value: 41 }],
    });
  });

  it('keeps sets with code, source and note members, and cases with all their references', () => {
    expect(p.sets).toEqual([
      {
        guid: RICH.set,
        name: 'Podpora',
        description: 'Kódy, zdroje a mema o podpoře',
        memberCodes: [RICH.workSupport, RICH.familySupport],
        memberSources: [RICH.interview],
        memberNotes: [RICH.sourceMemo],
      },
    ]);
    expect(p.cases[0]).toMatchObject({
      description: 'První respondentka',
      codeRefs: [RICH.hope],
      sourceRefs: [RICH.interview],
      selectionRefs: [RICH.selections[0]],
    });
  });

  it('reads an empty document as an empty text, not as a missing one', () => {
    const empty = p.sources.find((s) => s.guid === RICH.emptySource) as TextSource;
    expect(empty).toMatchObject({ textAvailable: true, textLocation: 'inline', selections: [] });
  });
});

describe('what is not kept is listed, in one warning', () => {
  it('counts media sources and their selections, links, graphs and note selections', async () => {
    const p = await read(richQdpx({ extras: true }), 'rich-extras.qdpx');
    expect(p.warnings).toHaveLength(1);
    const [summary] = p.warnings;
    expect(summary?.code).toBe('not_imported');
    expect(summary?.counts).toEqual({
      Graph: 1,
      Link: 2,
      'Note/PlainTextSelection': 1,
      PDFSource: 1,
      'PDFSource selection': 1,
    });
    expect(summary?.message).toContain(
      '1 graph, 2 links, 1 <PlainTextSelection> in notes, 1 PDF source, 1 selection in PDF sources',
    );
    // The media source is still listed, so references to it resolve.
    expect(p.sources.find((s) => s.guid === RICH.pdf)).toMatchObject({ kind: 'pdf', skippedSelections: 1 });
  });
});

describe('foreign namespaces and schema violations are never silent', () => {
  it('warns once, naming the element, when the CodeBook sits in a foreign namespace (as MAXQDA writes)', async () => {
    const qde = richQde()
      .replace('<CodeBook>', '<mx:CodeBook xmlns:mx="urn:example:maxqda-codebook">')
      .replace('</CodeBook>', '</mx:CodeBook>')
      .replaceAll('<Codes>', '<mx:Codes>')
      .replaceAll('</Codes>', '</mx:Codes>');
    const p = await read(qdpx(qde), 'foreign.qdpx');
    const foreign = p.warnings.filter((w) => w.code === 'foreign_namespace');
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toMatchObject({ element: 'CodeBook', line: 7 });
    expect(foreign[0]?.message).toMatch(
      /<CodeBook> at line 7:\d+ is in namespace "urn:example:maxqda-codebook"/,
    );
    // It is still read, by local name.
    expect(allCodes(p.codes)).toHaveLength(7);
    // And libxml2 says the same from the schema's side.
    expect(p.warnings.some((w) => w.code === 'schema_invalid' && w.element === 'CodeBook')).toBe(true);
  });

  it('warns about a project XML without any namespace', async () => {
    const qde = richQde().replace(' xmlns="urn:QDA-XML:project:1.0"', '');
    const p = await read(qdpx(qde), 'no-ns.qdpx');
    const foreign = p.warnings.filter((w) => w.code === 'foreign_namespace');
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toMatchObject({ element: 'Project', line: 2 });
    expect(foreign[0]?.message).toContain('namespace (none)');
  });

  it('names the element and line of each schema violation, and still reads the project', async () => {
    const qde = richQde()
      .replace('name="Strach" isCodable="true"', 'name="Strach" isCodable="maybe"')
      .replace('<Description>Věk v letech</Description>', '<Popis>Věk v letech</Popis>');
    const p = await read(qdpx(qde), 'invalid.qdpx');
    const invalid = p.warnings.filter((w) => w.code === 'schema_invalid');
    expect(invalid.map((w) => [w.element, w.line])).toEqual([
      ['Code', 15],
      ['Popis', 29],
    ]);
    expect(invalid[0]?.message).toMatch(/invalid\.qdpx!project\.qde:15: .*isCodable.*maybe/);
    expect(p.warnings.some((w) => w.code === 'element_ignored' && w.message.startsWith('<Popis>'))).toBe(
      true,
    );
  });

  it('says when the XML was too big to check, and checks nothing when the limit is 0', async () => {
    const file = join(tmp(), 'big.qdpx');
    writeFileSync(file, richQdpx());
    const big = await readProject(file, { limits: { maxSchemaCheckBytes: 1000 } });
    expect(big.warnings.map((w) => w.code)).toEqual(['schema_not_checked']);
    const off = await readProject(file, { limits: { maxSchemaCheckBytes: 0 } });
    expect(off.warnings).toEqual([]);
  });
});

describe('coder attribution', async () => {
  const p = await read(richQdpx(), 'coders.qdpx');
  const interview = p.sources.find((s) => s.guid === RICH.interview) as TextSource;
  const [s0, s1] = interview.selections;

  it("credits the coding's user by default, else the selection's", () => {
    expect(coderOf(s0!, s0!.codings[1]!)).toBe(RICH.coderB);
    expect(coderOf(s1!, s1!.codings[0]!)).toBe(RICH.coderB);
    expect(coderOf({ creatingUser: RICH.coderA }, { creatingUser: undefined })).toBe(RICH.coderA);
  });

  it("credits the selection's user with coderFrom: 'selection', else the coding's", () => {
    expect(coderOf(s1!, s1!.codings[0]!, { coderFrom: 'selection' })).toBe(RICH.coderA);
    expect(
      coderOf({ creatingUser: undefined }, { creatingUser: RICH.coderB }, { coderFrom: 'selection' }),
    ).toBe(RICH.coderB);
  });

  it('counts segments per coder under either rule (the two users of this file differ)', () => {
    expect(segmentsPerCoder(p)).toEqual([
      { user: RICH.coderA, name: 'Kodérka A', segments: 2 },
      { user: RICH.coderB, name: 'Kodér B', segments: 4 },
    ]);
    expect(segmentsPerCoder(p, { coderFrom: 'selection' })).toEqual([
      { user: RICH.coderA, name: 'Kodérka A', segments: 4 },
      { user: RICH.coderB, name: 'Kodér B', segments: 2 },
    ]);
    expect(codedSelections(p)).toHaveLength(6);
  });

  it('reports codings that name no user at all as nobody, not as a made-up coder', async () => {
    const qde = richQde().replaceAll(/ creatingUser="[^"]*"/g, '');
    const bare = await read(qdpx(qde), 'no-users.qdpx');
    expect(segmentsPerCoder(bare)).toEqual([{ user: null, segments: 6 }]);
  });
});
