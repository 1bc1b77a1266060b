/**
 * Read -> write -> read gives the same project, for every sample: the models are equal, the two project.qde are
 * the same element for element (apart from what the reader lists as not kept, and where texts live), writing
 * again gives the same bytes, and every written file validates against the REFI-QDA XSD.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { DEFAULT_LIMITS } from './limits';
import type { Project, TextSource } from './model';
import { readProject } from './project-reader';
import { buildProjectXml, writeProject } from './project-writer';
import { fixtures, NVIVO_SAMPLE, sharedSample } from './test-support/fixtures';
import { nvivoLikeQdpx } from './test-support/nvivo-like-project';
import { diffTrees, pruneTree, qdeTree, type XNode } from './test-support/qde-tree';
import { RICH, RICH_TEXT, richQdpx } from './test-support/rich-project';
import { syntheticQdpx } from './test-support/synthetic-project';
import { useTmpDir } from './test-support/tmp-dir';
import { SafeZip } from './zip-archive';

const tmp = useTmpDir('round-trip');
const projectXsd = readFileSync(fixtures.projectXsd, 'utf8');

async function zipEntries(path: string): Promise<Map<string, Buffer>> {
  const zip = await SafeZip.open(path, { ...DEFAULT_LIMITS });
  try {
    const out = new Map<string, Buffer>();
    for (const e of zip.entries()) out.set(e.name, await zip.readAll(e.name, 64 * 1024 * 1024));
    return out;
  } finally {
    zip.close();
  }
}

async function qdeText(path: string): Promise<string> {
  if (path.endsWith('.qde')) return readFileSync(path, 'utf8');
  const entries = await zipEntries(path);
  const name = [...entries.keys()].find((n) => n.toLowerCase().endsWith('.qde'))!;
  return entries.get(name)!.toString('utf8');
}

const MEDIA = new Set(['PDFSource', 'PictureSource', 'AudioSource', 'VideoSource']);

/**
 * What the reader lists as not kept, and where texts live (files are renamed, inline texts move to files); the
 * non-standard `<MemberSource>` inside a `<Case>` is written as the spec's `<SourceRef>`.
 */
function comparable(tree: XNode, options: { positions: boolean }): XNode {
  return pruneTree(
    tree,
    (n, parent) =>
      (parent.name === 'Sources' && MEDIA.has(n.name)) ||
      (parent.name === 'Project' && (n.name === 'Links' || n.name === 'Graphs')) ||
      (parent.name === 'TextSource' && n.name === 'PlainTextContent') ||
      (parent.name === 'Note' && n.name !== 'Description'),
    (n) => {
      if (n.name === 'Case') for (const c of n.children) if (c.name === 'MemberSource') c.name = 'SourceRef';
      if (n.name === 'TextSource' || n.name === 'Note') {
        delete n.attrs.plainTextPath;
        delete n.attrs.richTextPath;
      }
      if (n.name === 'PlainTextSelection' && !options.positions) {
        delete n.attrs.startPosition;
        delete n.attrs.endPosition;
      }
    },
  );
}

/** The model without what depends on where the texts were read from. */
function model(p: Project) {
  const clone = structuredClone(p) as Partial<Project>;
  delete clone.warnings;
  delete clone.offsetDecisions;
  clone.sources = p.sources
    .filter((s): s is TextSource => s.kind === 'text')
    .map(({ plainTextPath: _p, richTextPath: _r, textLocation: _l, content: _c, ...rest }) => ({
      ...rest,
      selections: rest.selections.map(({ written: _w, ...sel }) => sel),
    })) as TextSource[];
  return clone;
}

interface Sample {
  name: string;
  file: () => string;
  /** False when the sample counts positions other than the spec's way, so the written numbers differ. */
  specPositions: boolean;
  textSources: number;
}

function bytesSample(name: string, specPositions: boolean, textSources: number, bytes: () => Buffer): Sample {
  return {
    name,
    specPositions,
    textSources,
    file: () => {
      const file = join(tmp(), `${name.replace(/\W+/g, '-')}.qdpx`);
      writeFileSync(file, bytes());
      return file;
    },
  };
}

const samples: Sample[] = [
  {
    name: 'ATLAS.ti 8.4 sample (bare .qde)',
    file: () => fixtures.atlasSample,
    specPositions: true,
    textSources: 6,
  },
  bytesSample('synthetic Czech project (spec positions)', true, 2, () =>
    syntheticQdpx({ unit: 'codePoint', crlf: 2, bomCounted: false }),
  ),
  bytesSample('synthetic Czech project (UTF-16, CRLF as 1, BOM counted)', false, 2, () =>
    syntheticQdpx({ unit: 'utf16', crlf: 1, bomCounted: true }),
  ),
  bytesSample('synthetic NVivo-like project', true, 2, nvivoLikeQdpx),
  bytesSample('rich project: notes, sets, descriptions, colours, two coders', true, 3, () => richQdpx()),
  bytesSample('rich project with media, links and graphs', true, 3, () => richQdpx({ extras: true })),
];
const nvivo = sharedSample(NVIVO_SAMPLE);
if (nvivo)
  samples.push({
    name: 'NVivo for Mac 15 sample (../shared)',
    file: () => nvivo,
    specPositions: true,
    textSources: 2,
  });

describe.each(samples)('round trip: $name', (sample) => {
  it('read -> write -> read gives the same project, element for element', async () => {
    const original = sample.file();
    const a = await readProject(original, { includeSourceText: true });
    const out1 = join(tmp(), 'first.qdpx');
    await writeProject(a, out1);
    const b = await readProject(out1, { includeSourceText: true });
    expect(model(b)).toEqual(model(a));
    expect(b.sources.filter((s) => s.kind === 'text')).toHaveLength(sample.textSources);

    const diff = diffTrees(
      comparable(qdeTree(await qdeText(original)), { positions: sample.specPositions }),
      comparable(qdeTree(await qdeText(out1)), { positions: sample.specPositions }),
    );
    expect(diff).toEqual([]);

    // Writing what was read back gives the same bytes: nothing drifts on a second trip.
    const out2 = join(tmp(), 'second.qdpx');
    await writeProject(b, out2);
    expect(await qdeText(out2)).toBe(await qdeText(out1));

    // The re-read file has no warnings beyond the texts a bare .qde never had.
    expect(b.warnings.filter((w) => w.code !== 'source_text_missing')).toEqual([]);

    const entries = await zipEntries(out1);
    for (const [name, data] of entries)
      expect({ name, bytes: data.length > 0 }).toEqual({ name, bytes: true });
    const result = await validateXML({
      xml: [{ fileName: 'project.qde', contents: await qdeText(out1) }],
      schema: [projectXsd],
    });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  });
});

describe('what the writer writes', () => {
  it("puts creatingUser on every selection and coding, with the original GUIDs (the coding's when the selection has none)", async () => {
    const file = join(tmp(), 'users.qdpx');
    writeFileSync(file, richQdpx());
    const p = await readProject(file, { includeSourceText: true });
    const interview = p.sources.find((s) => s.guid === RICH.interview) as TextSource;
    interview.selections[2]!.creatingUser = undefined;
    const { xml } = buildProjectXml(p);
    const tree = qdeTree(xml);
    const selections: XNode[] = [];
    const walk = (n: XNode) => {
      if (n.name === 'PlainTextSelection') selections.push(n);
      n.children.forEach(walk);
    };
    walk(tree);
    expect(selections.map((s) => s.attrs.creatingUser)).toEqual([
      RICH.coderA,
      RICH.coderA,
      RICH.coderB, // from its coding
      RICH.coderA,
      RICH.coderB,
    ]);
    expect(xml).toContain(`<User guid="${RICH.coderB}" name="Kodér B" id="KB"/>`);
    expect(xml.match(/<Coding guid="[^"]+" creatingUser=/g)).toHaveLength(6);
  });

  it('writes a document whose text was never available without any text (no 0-byte source), keeping its positions', async () => {
    const atlas = await readProject(fixtures.atlasSample, { includeSourceText: true });
    const out = join(tmp(), 'atlas.qdpx');
    await writeProject(atlas, out);
    expect([...(await zipEntries(out)).keys()]).toEqual(['project.qde']);
    const xml = await qdeText(out);
    expect(xml).not.toContain('plainTextPath');
    expect(xml).toContain('startPosition="139" endPosition="195"');
  });

  it('writes an empty document inline as empty, not as an empty file', async () => {
    const file = join(tmp(), 'empty.qdpx');
    writeFileSync(file, richQdpx());
    const out = join(tmp(), 'empty-out.qdpx');
    await writeProject(await readProject(file, { includeSourceText: true }), out);
    const names = [...(await zipEntries(out)).keys()].sort();
    expect(names).toEqual(
      ['project.qde', `sources/${RICH.inlineSource}.txt`, `sources/${RICH.interview}.txt`].sort(),
    );
    expect(await qdeText(out)).toContain(
      `<TextSource guid="${RICH.emptySource}" name="Prázdný dokument">\n      <PlainTextContent></PlainTextContent>`,
    );
  });

  it("writes UTF-16 positions with unit: 'utf16', code points by default, and both read back the same", async () => {
    const file = join(tmp(), 'units.qdpx');
    writeFileSync(file, richQdpx());
    const p = await readProject(file, { includeSourceText: true });
    const emoji = RICH_TEXT.indexOf('🙂');
    const fear = RICH_TEXT.indexOf('strach z práce');
    const spec = buildProjectXml(p).xml;
    const utf16 = buildProjectXml(p, { unit: 'utf16' }).xml;
    expect(spec).toContain(`startPosition="${fear - 1}"`); // the emoji before it is one code point
    expect(utf16).toContain(`startPosition="${fear}"`); // and two UTF-16 units
    expect(emoji).toBeLessThan(fear);
    const out = join(tmp(), 'utf16.qdpx');
    await writeProject(p, out, { unit: 'utf16' });
    const back = await readProject(out, { includeSourceText: true });
    expect(back.offsetDecisions.find((d) => d.sourceGuid === RICH.interview)?.convention?.unit).toBe('utf16');
    expect(model(back)).toEqual(model(p));
  });
});
