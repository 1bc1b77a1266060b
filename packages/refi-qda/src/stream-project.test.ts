/** The streaming read a study import uses: same results as the whole read, one source at a time, limits up front. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RefiQdaError } from './errors';
import { IMPORT_LIMITS } from './limits';
import type { TextSource } from './model';
import { SPEC_CONVENTION } from './offsets';
import { readProject, streamProject } from './project-reader';
import { CompactGuidSet } from './qde/guid-set';
import { largeGuid, writeLargeQdpx } from './test-support/large-project';
import { IDS, syntheticQde, syntheticQdpx } from './test-support/synthetic-project';
import { useTmpDir } from './test-support/tmp-dir';

const tmp = useTmpDir('stream');

function file(name: string, data: string | Buffer): string {
  const path = join(tmp(), name);
  writeFileSync(path, data);
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<RefiQdaError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RefiQdaError);
  return err as RefiQdaError;
}

describe('streamProject', () => {
  it('hands over each text source resolved exactly as the whole read does, header first, and keeps none', async () => {
    const path = file('synthetic.qdpx', syntheticQdpx(SPEC_CONVENTION));
    const whole = await readProject(path);
    const events: string[] = [];
    const seen: TextSource[] = [];
    const streamed = await streamProject(path, {
      header(project) {
        events.push(`header:${project.codes.length}:${project.cases.length}:${project.users.length}`);
      },
      async textSource(loaded) {
        events.push(`source:${loaded.source.guid}`);
        seen.push(loaded.source);
      },
    });
    expect(events).toEqual([`header:2:2:2`, `source:${IDS.source1}`, `source:${IDS.source2}`]);
    const texts = (sources: ReadonlyArray<{ kind: string }>) =>
      (sources as TextSource[]).flatMap((s) => s.selections.map((x) => [x.guid, x.start, x.end, x.text]));
    expect(texts(seen)).toEqual(texts(whole.sources));
    expect(texts(seen).length).toBeGreaterThan(0);
    expect(streamed.project.sources).toEqual([]);
  });

  it('refuses a codebook that comes after the sources, naming the element and line', async () => {
    const xml = syntheticQde(SPEC_CONVENTION);
    const codebook = xml.slice(xml.indexOf('<CodeBook>'), xml.indexOf('</CodeBook>') + '</CodeBook>'.length);
    const moved = xml.replace(codebook, '').replace('</Sources>', `</Sources>\n${codebook}`);
    const err = await rejection(
      streamProject(file('late-codebook.qde', moved.replace(/plainTextPath="[^"]*"/, '')), {
        async textSource() {},
      }),
    );
    expect(err.code).toBe('invalid_structure');
    expect(err.message).toContain('<CodeBook> comes after <Sources>');
    expect(err.location?.line).toBeGreaterThan(1);
  });

  it('finds a selection GUID used twice far apart in a big project (compact GUID set)', async () => {
    const path = join(tmp(), 'dup.qdpx');
    await writeLargeQdpx(path, { documents: 50, segments: 5_000, compress: false });
    const whole = await streamProject(path, { async textSource() {} });
    expect(whole.project.sources).toEqual([]);
    // Rewrite the last selection's GUID to the first one's.
    const { execFileSync } = await import('node:child_process');
    const xml = execFileSync('unzip', ['-p', path, 'project.qde'], { maxBuffer: 1 << 28 }).toString('utf8');
    const dup = xml.replace(`guid="${largeGuid(6, 4_999)}"`, `guid="${largeGuid(6, 0)}"`);
    const err = await rejection(streamProject(file('dup.qde', dup), { async textSource() {} }));
    expect(err.code).toBe('duplicate_guid');
    expect(err.message).toContain(largeGuid(6, 0));
    expect(err.message).toContain('<PlainTextSelection> at line');
  });

  it('refuses a plain-text entry over the import limit before reading any source, naming the limit', async () => {
    const path = join(tmp(), 'huge-source.qdpx');
    const huge = Buffer.alloc(IMPORT_LIMITS.maxSourceTextBytes + 1, 0x61);
    await writeLargeQdpx(path, {
      documents: 3,
      segments: 30,
      compress: false,
      corruptSource: { index: 2, bytes: huge },
    });
    let sources = 0;
    const err = await rejection(
      streamProject(
        path,
        {
          async textSource() {
            sources++;
          },
        },
        { limits: IMPORT_LIMITS },
      ),
    );
    expect(err.message).toContain('limit maxSourceTextBytes');
    expect(err.message).toContain(`sources/${largeGuid(5, 2)}.txt`);
    expect(sources).toBe(0);
  });
});

describe('CompactGuidSet', () => {
  it('keeps 300,000 GUIDs apart and knows each one again', () => {
    const set = new CompactGuidSet();
    let added = 0;
    for (let i = 0; i < 300_000; i++) if (set.add(largeGuid(6, i))) added++;
    expect(added).toBe(300_000);
    expect(set.size).toBe(300_000);
    let again = 0;
    for (let i = 0; i < 300_000; i += 997) if (!set.add(largeGuid(6, i))) again++;
    expect(again).toBe(Math.ceil(300_000 / 997));
    expect(set.has(largeGuid(7, 1))).toBe(false);
  });
});
