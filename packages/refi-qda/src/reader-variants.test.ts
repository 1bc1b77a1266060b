/** Tests for reader variations: .qde names, missing and external sources, user id GUIDs, dangling refs. */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RefiQdaError } from './errors';
import type { TextSource } from './model';
import { readProject } from './project-reader';
import { buildZip } from './test-support/raw-zip';
import { guid, IDS, SOURCE1_PHRASES, SOURCE1_TEXT, syntheticQde } from './test-support/synthetic-project';
import { useTmpDir } from './test-support/tmp-dir';

const tmp = useTmpDir('variants');
const SPEC = { unit: 'codePoint', crlf: 2, bomCounted: false } as const;

function source1(sources: readonly { kind: string }[]): TextSource {
  return sources.find((s) => s.kind === 'text' && (s as TextSource).guid === IDS.source1) as TextSource;
}

describe('reader variants', () => {
  it('accepts a single .qde with another name at the archive root', async () => {
    const path = join(tmp(), 'renamed.qdpx');
    writeFileSync(
      path,
      buildZip([
        { name: 'Export 2024.qde', data: Buffer.from(syntheticQde(SPEC)) },
        { name: `SOURCES/${IDS.source1.toUpperCase()}.TXT`, data: Buffer.from(SOURCE1_TEXT) },
      ]),
    );
    const p = await readProject(path);
    expect(source1(p.sources).selections.map((s) => s.text)).toEqual([...SOURCE1_PHRASES]);
  });

  it('finds percent-encoded source paths and refuses encoded traversal', async () => {
    const encoded = join(tmp(), 'encoded.qdpx');
    writeFileSync(
      encoded,
      buildZip([
        { name: 'project.qde', data: Buffer.from(syntheticQde(SPEC, 'internal://rozhovor%20jedna.txt')) },
        { name: 'sources/rozhovor jedna.txt', data: Buffer.from(SOURCE1_TEXT) },
      ]),
    );
    expect(source1((await readProject(encoded)).sources).textAvailable).toBe(true);
    const climbing = join(tmp(), 'encoded-climb.qdpx');
    writeFileSync(
      climbing,
      buildZip([
        { name: 'project.qde', data: Buffer.from(syntheticQde(SPEC, 'internal://%2e%2e/%2e%2e/x.txt')) },
      ]),
    );
    await expect(readProject(climbing)).rejects.toMatchObject({ code: 'unsafe_path' });
  });

  it('decodes multi-byte characters split across stream chunks', async () => {
    const long = `${'ř😊'.repeat(100_000)}konec`;
    const path = join(tmp(), 'long.qde');
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="UTF-8"?><Project name="dlouhý"><Description>${long}</Description></Project>`,
    );
    expect((await readProject(path)).description).toBe(long);
  });

  it('accepts a UTF-8 BOM before the XML declaration', async () => {
    const path = join(tmp(), 'bom.qde');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Project name="s BOM"/>'),
      ]),
    );
    expect((await readProject(path)).name).toBe('s BOM');
  });

  it('refuses two candidate .qde files at the root', async () => {
    const path = join(tmp(), 'two.qdpx');
    const qde = Buffer.from('<Project name="x"/>');
    writeFileSync(
      path,
      buildZip([
        { name: 'a.qde', data: qde },
        { name: 'b.qde', data: qde },
      ]),
    );
    await expect(readProject(path)).rejects.toMatchObject({
      code: 'missing_project',
      message: /a\.qde, b\.qde/,
    });
  });

  it('warns (does not fail) when an internal source is missing from the archive', async () => {
    const path = join(tmp(), 'missing-source.qdpx');
    writeFileSync(path, buildZip([{ name: 'project.qde', data: Buffer.from(syntheticQde(SPEC)) }]));
    const p = await readProject(path);
    const s = source1(p.sources);
    expect(s.textAvailable).toBe(false);
    expect(s.selections.every((sel) => sel.text === null)).toBe(true);
    expect(p.warnings).toContainEqual(
      expect.objectContaining({ code: 'source_text_missing', guid: IDS.source1 }),
    );
    expect(p.offsetDecisions.find((d) => d.sourceGuid === IDS.source1)?.convention).toBeNull();
  });

  it('reads relative:// sources against basePath only when allowed', async () => {
    const dir = join(tmp(), 'external');
    mkdirSync(join(dir, 'texts'), { recursive: true });
    writeFileSync(join(dir, 'texts', 'rozhovor.txt'), SOURCE1_TEXT);
    const xml = syntheticQde(SPEC, 'relative:///texts/rozhovor.txt').replace(
      '<Project ',
      `<Project basePath="${dir}" `,
    );
    const path = join(dir, 'project.qde');
    writeFileSync(path, xml);

    const off = await readProject(path);
    expect(source1(off.sources).textAvailable).toBe(false);
    expect(off.warnings).toContainEqual(expect.objectContaining({ code: 'external_source_not_read' }));

    const on = await readProject(path, { readExternalSources: true });
    expect(source1(on.sources).selections.map((s) => s.text)).toEqual([...SOURCE1_PHRASES]);
  });

  it('reads absolute:// sources when allowed', async () => {
    const dir = join(tmp(), 'absolute');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.txt'), SOURCE1_TEXT);
    const path = join(dir, 'project.qde');
    writeFileSync(path, syntheticQde(SPEC, `absolute://${join(dir, 'a.txt')}`));
    const p = await readProject(path, { readExternalSources: true });
    expect(source1(p.sources).textAvailable).toBe(true);
  });

  it('takes the user GUID from "id" when "guid" is absent', async () => {
    const path = join(tmp(), 'user-id.qde');
    writeFileSync(
      path,
      `<Project name="u"><Users><User id="{${IDS.user1.toUpperCase()}}" name="Jen id"/></Users></Project>`,
    );
    const p = await readProject(path);
    expect(p.users).toEqual([{ guid: IDS.user1, name: 'Jen id' }]);
  });

  it('warns about codings that point at no code', async () => {
    const xml = syntheticQde(SPEC).replace(
      `<CodeRef targetGUID="${IDS.joy}"/>`,
      `<CodeRef targetGUID="${guid(777)}"/>`,
    );
    const path = join(tmp(), 'dangling.qde');
    writeFileSync(path, xml);
    const p = await readProject(path);
    expect(p.warnings).toContainEqual(
      expect.objectContaining({
        code: 'dangling_reference',
        message: expect.stringMatching(/not in the codebook/),
      }),
    );
  });

  it('names a file that does not exist', async () => {
    const err = await readProject(join(tmp(), 'nope.qdpx')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefiQdaError);
    expect(err).toMatchObject({ code: 'file_not_found', message: /nope\.qdpx/ });
  });
});
