import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RICH, richQdpx, writeLargeQdpx } from '@peerbridge/refi-qda/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultMapping } from './mapping-file';
import { silentProgress } from './progress';
import { readRefiProject, streamRefiProject } from './read-refi-project';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-refi-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('streamRefiProject segment ids', () => {
  it('are UUID v7, unique and ascending in file order (new keys append to the index, issue 10)', async () => {
    const file = join(dir, 'ids.qdpx');
    const written = await writeLargeQdpx(file, { documents: 5, segments: 400, codeNames: ['A', 'B', 'C'] });
    const ids: string[] = [];
    await streamRefiProject(file, defaultMapping, silentProgress, async (part) => {
      for (const s of part.segments) ids.push(s.id);
    });
    expect(ids).toHaveLength(written.segments);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    for (let i = 1; i < ids.length; i++) expect(ids[i - 1]! < ids[i]!).toBe(true);
  });
});

describe('what a REFI-QDA read keeps beyond segments', () => {
  it('a selection whose user and date are its first coding’s gets no selection row of its own', async () => {
    const file = join(dir, 'plain-selections.qdpx');
    const written = await writeLargeQdpx(file, { documents: 3, segments: 60, codeNames: ['A', 'B'] });
    const data = await readRefiProject(file, defaultMapping, silentProgress);
    expect(data.segments).toHaveLength(written.segments);
    expect(data.refi.selections).toEqual([]);
    expect(data.segments.every((s) => s.codingGuid !== null && s.codingUser !== null)).toBe(true);
  });

  it('keeps every selection that holds more: a name, a description, a note, another user or date', async () => {
    const file = join(dir, 'rich.qdpx');
    writeFileSync(file, richQdpx());
    const data = await readRefiProject(file, defaultMapping, silentProgress);
    expect(data.refi.selections.map((x) => x.guid).sort()).toEqual(
      [...RICH.selections, '00000000-0000-4000-8000-00000000d06e'].sort(),
    );
    const first = data.refi.selections.find((x) => x.guid === RICH.selections[0]);
    expect(first).toMatchObject({ name: 'naděje', description: 'Respondentka mluví o naději' });
    expect(data.refi.noteRefs).toContainEqual({
      noteGuid: RICH.selectionMemo,
      targetKind: 'selection',
      targetGuid: RICH.selections[0],
    });
  });
});
