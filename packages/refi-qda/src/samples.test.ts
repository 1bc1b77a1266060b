/**
 * Tests reading real tool exports: the ATLAS.ti sample (MIT, in fixtures/), and the NVivo for Mac sample
 * (AGPL, read from ../shared when it is there) together with a synthetic project that has its quirks.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Code, TextSource } from './model';
import { readProject } from './project-reader';
import { fixtures, NVIVO_SAMPLE, sharedSample } from './test-support/fixtures';
import { NVIVO_LIKE, nvivoLikeQdpx } from './test-support/nvivo-like-project';
import { useTmpDir } from './test-support/tmp-dir';

const tmp = useTmpDir('samples');

function flatten(codes: Code[]): Code[] {
  return codes.flatMap((c) => [c, ...flatten(c.children)]);
}

function depth(codes: Code[]): number {
  return codes.length === 0 ? 0 : 1 + codes.reduce((max, c) => Math.max(max, depth(c.children)), 0);
}

describe('ATLAS.ti 8.4 sample (bare .qde, sources absent)', async () => {
  const project = await readProject(fixtures.atlasSample);

  it('reads project metadata and users', () => {
    expect(project.name).toBe('ATLAS.ti standard project');
    expect(project.origin).toMatch(/^ATLAS\.ti 8\.4\.0 573/);
    expect(project.users.map((u) => u.name)).toEqual([
      'ATLAS.ti',
      'Friedrich Markgraf',
      'Sebastian Petrausch',
    ]);
  });

  it('keeps flat ATLAS.ti hierarchy names as written', () => {
    expect(project.codes).toHaveLength(14);
    expect(project.codes.every((c) => c.children.length === 0)).toBe(true);
    const names = project.codes.map((c) => c.name);
    expect(names).toContain('Coke::diet Coke');
    expect(names).toContain('Coke::full-fat Coke');
    expect(names).toContain('"rushed"');
    expect(project.codes.find((c) => c.name === 'Coke::diet Coke')?.description).toBe('non sucré');
  });

  it('lists sources by kind and skips media with a warning', () => {
    const kinds: Record<string, number> = {};
    for (const s of project.sources) kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;
    expect(kinds).toEqual({ text: 6, picture: 1, pdf: 2, audio: 1, video: 2 });
    const summary = project.warnings.filter((w) => w.code === 'not_imported');
    expect(summary).toHaveLength(1);
    expect(summary[0]?.counts).toMatchObject({
      PDFSource: 2,
      PictureSource: 1,
      AudioSource: 1,
      VideoSource: 2,
    });
    const audio = project.sources.find((s) => s.kind === 'audio');
    expect(audio && 'path' in audio ? audio.path : undefined).toBe(
      'relative:///DF370983-F009-4D47-8615-711633FA9DE6.m4a',
    );
  });

  it('keeps text-source selections with their written positions, but no text, and warns per source', () => {
    const text = project.sources.filter((s): s is TextSource => s.kind === 'text');
    const selections = text.flatMap((s) => s.selections);
    expect(selections).toHaveLength(6);
    expect(selections.flatMap((s) => s.codings)).toHaveLength(7);
    expect(selections.every((s) => s.text === null)).toBe(true);
    const diet = selections.find((s) => s.guid === '4191294a-e287-4510-95b0-69bce4638e56');
    expect(diet).toMatchObject({ start: 139, end: 195, written: { start: 139, end: 195 } });
    expect(diet?.codings[0]?.codeGuid).toBe('d299efae-5779-46dc-9827-a3d1a5d544bc');
    expect(text.every((s) => !s.textAvailable)).toBe(true);
    expect(project.warnings.filter((w) => w.code === 'source_text_missing')).toHaveLength(6);
    expect(project.offsetDecisions.every((d) => d.convention === null)).toBe(true);
  });

  it('reads sets, notes, and lists links, graphs and media in the one summary warning', () => {
    expect(project.sets).toHaveLength(16);
    expect(project.sets.find((s) => s.name === 'Feelings')?.memberCodes).toHaveLength(6);
    expect(project.sets.find((s) => s.name === '<3')).toMatchObject({ memberCodes: [], memberSources: [] });
    expect(project.notes).toHaveLength(2);
    expect(project.notes[0]).toMatchObject({
      name: 'Research Plan',
      description: 'day to day log about this amazing project',
    });
    expect(project.notes[1]?.text).toMatch(/^This version is much better/);
    const summary = project.warnings.filter((w) => w.code === 'not_imported');
    expect(summary.map((w) => w.counts)).toEqual([
      {
        AudioSource: 1,
        Graph: 1,
        Link: 1,
        PDFSource: 2,
        'PDFSource selection': 6,
        PictureSource: 1,
        'PictureSource selection': 1,
        VideoSource: 2,
        'VideoSource selection': 2,
      },
    ]);
    // The sample is valid against the schema and in the REFI-QDA namespace throughout.
    expect(
      project.warnings.filter((w) => w.code !== 'not_imported' && w.code !== 'source_text_missing'),
    ).toEqual([]);
  });
});

/** What holds for NVivo for Mac's nested-code export, real or synthetic. */
function nestedCodeExportChecks(project: Awaited<ReturnType<typeof readProject>>) {
  it('reads 262 codes as a nested tree with repeated names under different parents', () => {
    const all = flatten(project.codes);
    expect(all).toHaveLength(262);
    expect(project.codes.length).toBeLessThan(262);
    expect(depth(project.codes)).toBeGreaterThanOrEqual(3);
    const counts = new Map<string, number>();
    for (const c of all) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    expect([...counts.values()].some((n) => n > 1)).toBe(true);
    expect(new Set(all.map((c) => c.guid)).size).toBe(262);
  });

  it('reads both text sources from the lowercase sources/ folder, with no selections', () => {
    const text = project.sources.filter((s): s is TextSource => s.kind === 'text');
    expect(text).toHaveLength(2);
    expect(text.every((s) => s.textAvailable && s.selections.length === 0)).toBe(true);
    expect(project.offsetDecisions).toHaveLength(2);
    expect(project.warnings).toEqual([]);
  });
}

describe('synthetic project with the NVivo for Mac 15 quirks (.qdpx, nested codes)', async () => {
  const file = join(tmp(), 'nvivo-like.qdpx');
  writeFileSync(file, nvivoLikeQdpx());
  const project = await readProject(file);

  it('reads users with their id attribute', () => {
    expect(project.origin).toBe(NVIVO_LIKE.origin);
    expect(project.users).toEqual(NVIVO_LIKE.users);
  });

  nestedCodeExportChecks(project);
});

const nvivoSample = sharedSample(NVIVO_SAMPLE);
if (nvivoSample) {
  describe('NVivo for Mac 15 sample from ../shared (.qdpx, nested codes)', async () => {
    const project = await readProject(nvivoSample);

    it('reads users with their id attribute', () => {
      expect(project.origin).toBe('NVivo for Mac 15.0.0');
      expect(project.users).toEqual([
        { guid: '1b0b1791-be46-4557-9957-7333544cfaf2', name: 'chrisp', id: 'CP' },
        { guid: '39633935-3331-3962-6632-373436373264', name: 'cp', id: 'C' },
      ]);
    });

    it('keeps a nested code under its parent', () => {
      const competencies = flatten(project.codes).find((c) => c.name === 'competencies');
      expect(competencies?.children.map((c) => c.name)).toEqual(['programming']);
    });

    nestedCodeExportChecks(project);
  });
}
