/** Tests .qdc reading, including a write/read round trip of a nested code tree with sets. */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCodebook } from './codebook-reader';
import { writeCodebook } from './codebook-writer';
import { readProject } from './project-reader';
import { IDS, syntheticQdpx } from './test-support/synthetic-project';
import { useTmpDir } from './test-support/tmp-dir';

const tmp = useTmpDir('qdc');

describe('readCodebook', () => {
  it('reads back what writeCodebook wrote: nesting, folders, colours, descriptions, sets', async () => {
    const projectFile = join(tmp(), 'source.qdpx');
    writeFileSync(projectFile, syntheticQdpx({ unit: 'codePoint', crlf: 2, bomCounted: false }));
    const project = await readProject(projectFile);
    const qdc = join(tmp(), 'codes.qdc');
    writeFileSync(qdc, writeCodebook(project.codes, { origin: 'PeerBridge test', sets: project.sets }));

    const book = await readCodebook(qdc);
    expect(book.origin).toBe('PeerBridge test');
    // Note references are not part of the codebook format, so they come back empty.
    const withoutNotes = (codes: typeof project.codes): unknown =>
      codes.map((c) => ({ ...c, noteRefs: [], children: withoutNotes(c.children) }));
    expect(book.codes).toEqual(withoutNotes(project.codes));
    expect(book.sets).toEqual([
      {
        guid: IDS.set,
        name: 'Pocity',
        memberCodes: [IDS.joy, IDS.tired],
        memberSources: [],
        memberNotes: [],
      },
    ]);
    expect(book.warnings).toEqual([]);
  });

  it('says so when given a project instead of a codebook', async () => {
    const file = join(tmp(), 'project.qdc');
    writeFileSync(file, '<?xml version="1.0"?>\n<Project name="x"/>');
    await expect(readCodebook(file)).rejects.toMatchObject({
      code: 'invalid_structure',
      message: /expected <CodeBook>.*project \.qde/,
    });
  });
});
