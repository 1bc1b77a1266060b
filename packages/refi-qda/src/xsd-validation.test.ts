/** Validates written .qdc and project.qde files against the REFI-QDA XSDs with xmllint (wasm). */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { writeCodebook } from './codebook-writer';
import { DEFAULT_LIMITS } from './limits';
import { readProject } from './project-reader';
import { buildProjectXml, writeProject } from './project-writer';
import { fixtures, NVIVO_SAMPLE, sharedSample } from './test-support/fixtures';
import { nvivoLikeQdpx } from './test-support/nvivo-like-project';
import { IDS, syntheticQdpx } from './test-support/synthetic-project';
import { useTmpDir } from './test-support/tmp-dir';
import { SafeZip } from './zip-archive';

const codebookXsd = readFileSync(fixtures.codebookXsd, 'utf8');
const projectXsd = readFileSync(fixtures.projectXsd, 'utf8');
const nvivoSample = sharedSample(NVIVO_SAMPLE);
const tmp = useTmpDir('xsd');

async function validate(xml: string, schema: string, fileName: string) {
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [schema] });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

async function syntheticProject() {
  const file = join(tmp(), 'xsd-input.qdpx');
  writeFileSync(file, syntheticQdpx({ unit: 'utf16', crlf: 1, bomCounted: true }));
  return readProject(file, { includeSourceText: true });
}

describe('written files validate against the REFI-QDA schemas', () => {
  it('a .qdc of a nested tree with a folder, descriptions and sets is valid', async () => {
    const project = await syntheticProject();
    const xml = writeCodebook(project.codes, { origin: 'PeerBridge test', sets: project.sets });
    expect(xml).toContain('isCodable="false"');
    expect(xml).toContain(`<MemberCode guid="${IDS.joy}"/>`);
    expect(await validate(xml, codebookXsd, 'synthetic.qdc')).toEqual({ valid: true, errors: [] });
  });

  it('a .qdc of a synthetic NVivo-like tree (262 nested codes, repeated names) is valid', async () => {
    const file = join(tmp(), 'nvivo-like.qdpx');
    writeFileSync(file, nvivoLikeQdpx());
    const xml = writeCodebook((await readProject(file)).codes);
    expect(xml.match(/<Code /g)).toHaveLength(262);
    expect(await validate(xml, codebookXsd, 'nvivo-like.qdc')).toEqual({ valid: true, errors: [] });
  });

  if (nvivoSample) {
    it('a .qdc of the NVivo sample from ../shared (262 nested codes) is valid', async () => {
      const xml = writeCodebook((await readProject(nvivoSample)).codes);
      expect(xml.match(/<Code /g)).toHaveLength(262);
      expect(await validate(xml, codebookXsd, 'nvivo.qdc')).toEqual({ valid: true, errors: [] });
    });
  }

  it('the schema check is real: a codebook missing isCodable is rejected', async () => {
    const xml = writeCodebook([{ guid: IDS.joy, name: 'x', isCodable: true, children: [] }]).replace(
      ' isCodable="true"',
      '',
    );
    const result = await validate(xml, codebookXsd, 'bad.qdc');
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/isCodable/);
  });

  it('project.qde inside a written .qdpx is valid (synthetic Czech project)', async () => {
    const project = await syntheticProject();
    const out = join(tmp(), 'xsd-output.qdpx');
    await writeProject(project, out);
    const zip = await SafeZip.open(out, { ...DEFAULT_LIMITS });
    let qde: string;
    try {
      expect(
        zip
          .entries()
          .map((e) => e.name)
          .sort(),
      ).toEqual(['project.qde', `sources/${IDS.source1}.txt`, `sources/${IDS.source2}.txt`].sort());
      qde = (await zip.readAll('project.qde', 1024 * 1024)).toString('utf8');
    } finally {
      zip.close();
    }
    expect(await validate(qde, projectXsd, 'project.qde')).toEqual({ valid: true, errors: [] });
  });

  it('project XML of the ATLAS.ti sample (media skipped, texts absent) is valid once texts are supplied', async () => {
    const atlas = await readProject(fixtures.atlasSample);
    // The sample ships without its texts; give each text source a text long enough for its selections.
    for (const s of atlas.sources) {
      if (s.kind !== 'text') continue;
      s.content = 'x'.repeat(s.selections.reduce((max, sel) => Math.max(max, sel.end), 0));
    }
    const { xml, skippedSources } = buildProjectXml(atlas);
    expect(skippedSources).toHaveLength(6);
    expect(await validate(xml, projectXsd, 'atlas.qde')).toEqual({ valid: true, errors: [] });
  });
});
