import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLargeQdpx } from '@peerbridge/refi-qda/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultMapping } from './mapping-file';
import { silentProgress } from './progress';
import { streamRefiProject } from './read-refi-project';

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
