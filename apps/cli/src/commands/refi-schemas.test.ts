import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import yauzl from 'yauzl';
import { czechMappingYaml, czechProject } from '../../test/builders/czech-project';
import { writeQdpx } from '../../test/builders/refi-project';
import { initializedDatabase, runCli } from '../../test/cli-harness';
import { codebookSchema, projectSchema } from '../../test/fixtures-path';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-schemas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function schemaErrors(xml: string, schemaFile: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'output.xml', contents: xml }],
    schema: [{ fileName: 'schema.xsd', contents: readFileSync(schemaFile, 'utf8') }],
  });
  return result.errors.map((e) => e.rawMessage);
}

/** project.qde out of a .qdpx. */
function projectXmlOf(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'project.qde') return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error('no project.qde in the archive')));
      zip.readEntry();
    });
  });
}

describe('what the CLI writes validates against the REFI-QDA schemas', () => {
  it.each(['en', 'cs'])('codebook export (%s) against Codebook.xsd', async (lang) => {
    const run = await runCli(['codebook', 'export', '--lang', lang]);
    expect(run.code).toBe(0);
    expect(await schemaErrors(run.stdout, codebookSchema)).toEqual([]);
  });
});

describe.each(testDialects())('a .qdpx export on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
    const file = join(dir, 'czech.qdpx');
    const mapping = join(dir, 'mapping.yaml');
    await writeQdpx(file, czechProject);
    writeFileSync(mapping, czechMappingYaml);
    expect(
      (await runCli(['--db', database.url, 'import', file, '--study', 'czech', '--mapping', mapping])).code,
    ).toBe(0);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('holds a project.qde valid against Project-mrt2019.xsd, also pseudonymised', async () => {
    const out = join(dir, `export-${dialect}.qdpx`);
    expect(
      (await runCli(['--db', database.url, 'export', '--study', 'czech', '--format', 'qdpx', '--out', out]))
        .code,
    ).toBe(0);
    expect(await schemaErrors(await projectXmlOf(out), projectSchema)).toEqual([]);
    const key = join(dir, 'key');
    writeFileSync(key, 'another-test-key-that-is-long-enough');
    const pseudo = join(dir, `pseudo-${dialect}.qdpx`);
    const run = await runCli([
      '--db',
      database.url,
      'export',
      '--study',
      'czech',
      '--format',
      'qdpx',
      '--out',
      pseudo,
      '--pseudonymize',
      '--key-file',
      key,
    ]);
    expect(run.code).toBe(0);
    const xml = await projectXmlOf(pseudo);
    expect(await schemaErrors(xml, projectSchema)).toEqual([]);
    expect(xml).not.toContain('Účastnice 01');
  });
});
