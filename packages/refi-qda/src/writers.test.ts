/** Tests for the .qdpx and .qdc writers: escaping, code-point positions, refusals. */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCodebook } from './codebook-writer';
import type { Project, TextSource } from './model';
import { readProject } from './project-reader';
import { buildProjectXml, writeProject } from './project-writer';
import { guid } from './test-support/synthetic-project';
import { useTmpDir } from './test-support/tmp-dir';

const tmp = useTmpDir('writers');

function emptyProject(): Project {
  return {
    name: 'prázdný',
    users: [],
    codes: [],
    sources: [],
    cases: [],
    variables: [],
    sets: [],
    notes: [],
    noteRefs: [],
    warnings: [],
    offsetDecisions: [],
  };
}

function textSource(content: string, selections: { start: number; end: number }[]): TextSource {
  return {
    kind: 'text',
    guid: guid(900),
    textLocation: 'internal',
    textAvailable: true,
    content,
    codings: [],
    noteRefs: [],
    variableValues: [],
    selections: selections.map((s, i) => ({
      guid: guid(910 + i),
      start: s.start,
      end: s.end,
      text: content.slice(s.start, s.end),
      written: { start: s.start, end: s.end },
      codings: [],
      noteRefs: [],
    })),
  };
}

describe('writers', () => {
  it('escapes markup characters and keeps tabs, newlines and CR through a round trip', async () => {
    const p = emptyProject();
    const tricky = 'a "quoted" <tag> & tab\there\r\nnext line';
    p.codes = [
      { guid: guid(1), name: tricky, isCodable: true, description: tricky, noteRefs: [], children: [] },
    ];
    p.notes = [{ guid: guid(2), name: tricky, text: tricky }];
    p.sources = [textSource('řádek 1\r\nřádek 2 😊 konec', [{ start: 9, end: 16 }])];
    const out = join(tmp(), 'escape.qdpx');
    await writeProject(p, out);
    const back = await readProject(out);
    expect(back.codes[0]?.name).toBe(tricky);
    expect(back.codes[0]?.description).toBe(tricky);
    expect(back.notes[0]).toMatchObject({ name: tricky, text: tricky });
    expect((back.sources[0] as TextSource).selections[0]?.text).toBe('řádek 2');
  });

  it('writes positions as code points', () => {
    const p = emptyProject();
    const content = '😊😊 slovo';
    p.sources = [textSource(content, [{ start: 5, end: 10 }])];
    const { xml } = buildProjectXml(p);
    expect(xml).toContain('startPosition="3" endPosition="8"');
  });

  it('refuses what it cannot write, saying what is wrong', () => {
    expect(() => writeCodebook([])).toThrow(/at least one code/);
    expect(() => writeCodebook([{ guid: 'not-a-guid', name: 'x', isCodable: true, children: [] }])).toThrow(
      /code "x" has GUID "not-a-guid"/,
    );
    expect(() =>
      writeCodebook([{ guid: guid(1), name: 'x', isCodable: true, color: 'red', children: [] }]),
    ).toThrow(/color "red"/);
    expect(() =>
      writeCodebook([{ guid: guid(1), name: 'bell\u0007', isCodable: true, children: [] }]),
    ).toThrow(/U\+0007/);
    const p = emptyProject();
    const source = textSource('abc', [{ start: 0, end: 2 }]);
    source.content = undefined;
    p.sources = [source];
    expect(() => buildProjectXml(p)).toThrow(/includeSourceText/);
    p.sources = [textSource('abc', [{ start: 1, end: 9 }])];
    expect(() => buildProjectXml(p)).toThrow(/\[1, 9\)/);
  });

  it('creates no output file when the project cannot be written', async () => {
    const p = emptyProject();
    p.codes = [{ guid: 'bad', name: 'x', isCodable: true, noteRefs: [], children: [] }];
    const out = join(tmp(), 'fail.qdpx');
    await expect(writeProject(p, out)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(readdirSync(tmp()).filter((f) => f.startsWith('fail.qdpx'))).toEqual([]);
  });
});
