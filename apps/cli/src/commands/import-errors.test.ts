import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { czechProject } from '../../test/builders/czech-project';
import { guidOf, projectXml, writeQdpx } from '../../test/builders/refi-project';
import { countRows, initializedDatabase, runCli } from '../../test/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files: Record<string, string> = {};

async function zipOf(file: string, entries: Array<[string, Buffer]>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, body] of entries) zip.addBuffer(body, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(file, Buffer.concat(chunks));
}

beforeAll(async () => {
  const good = join(dir, 'good.qdpx');
  await writeQdpx(good, czechProject);

  files.malformed = join(dir, 'malformed.qdpx');
  await writeQdpx(files.malformed, czechProject, {
    xml: projectXml(czechProject).replace('</CodeBook>', '</CodeBok>'),
  });

  files.truncated = join(dir, 'truncated.qdpx');
  const bytes = readFileSync(good);
  writeFileSync(files.truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));

  // 50 MiB of zeros deflates about a thousandfold: far over the reader's ratio limit.
  files.bomb = join(dir, 'bomb.qdpx');
  await zipOf(files.bomb, [
    ['project.qde', Buffer.from(projectXml({ codes: ['a'], documents: [] }))],
    ['sources/huge.txt', Buffer.alloc(50 * 1024 * 1024)],
  ]);

  files.xxe = join(dir, 'xxe.qdpx');
  await writeQdpx(files.xxe, {
    ...czechProject,
    prolog: '<!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    name: '&secret;',
  });

  files.duplicate = join(dir, 'duplicate.qdpx');
  await writeQdpx(files.duplicate, {
    ...czechProject,
    codeGuids: { [czechProject.codes[1] as string]: guidOf(`code:${czechProject.codes[0]}`) },
  });

  files.outOfRange = join(dir, 'out-of-range.qdpx');
  const doc = czechProject.documents[1];
  await writeQdpx(files.outOfRange, {
    ...czechProject,
    documents: [
      czechProject.documents[0]!,
      { ...doc!, selections: [{ start: 10, end: doc!.text.length + 50, codes: [czechProject.codes[0]!] }] },
    ],
  });

  // A bare .qde that breaks the schema in one place: read, with a warning naming the element.
  files.schemaInvalid = join(dir, 'schema-invalid.qde');
  writeFileSync(
    files.schemaInvalid,
    projectXml(czechProject).replace('isCodable="true"', 'isCodable="maybe"'),
  );

  files.badMapping = join(dir, 'mapping.yaml');
  writeFileSync(
    files.badMapping,
    'codes:\n  - name: Vypíná telefon po práci\n    indicator: phone_off_after_hour\n',
  );
});

describe.each(testDialects())('import of bad input on %s', (dialect) => {
  let database: TestDatabase;
  let before: Record<string, number>;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
    // One good import first, so "unchanged" means more than "still empty".
    const ok = await runCli(['--db', database.url, 'import', join(dir, 'good.qdpx'), '--study', 'good']);
    expect(ok.code).toBe(0);
    before = await countRows(database.url);
  });
  afterAll(async () => {
    await database.drop();
  });

  const cases: Array<[string, string, RegExp]> = [
    ['malformed XML', 'malformed', /CodeBok|closing tag|malformed|mismatch/i],
    ['a truncated zip', 'truncated', /zip|archive|central directory/i],
    ['a zip bomb', 'bomb', /ratio|too (big|large)|limit|unsafe/i],
    ['an XML external entity (XXE)', 'xxe', /DOCTYPE|entit/i],
    ['duplicate GUIDs', 'duplicate', /duplicate|twice|more than once|already/i],
    ['a selection out of range', 'outOfRange', /range|beyond|longer|outside|exceeds/i],
  ];

  it.each(cases)('%s: clear error, exit 2, nothing written', async (_what, key, message) => {
    const run = await runCli(['--db', database.url, 'import', files[key] as string, '--study', `bad ${key}`]);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^peerbridge: error: /);
    expect(run.code).toBe(2);
    expect(await countRows(database.url)).toEqual(before);
  });

  it('a selection out of range names its document by name as well as by GUID', async () => {
    const run = await runCli([
      '--db',
      database.url,
      'import',
      files.outOfRange as string,
      '--study',
      'named',
    ]);
    expect(run.code).toBe(2);
    const document = czechProject.documents[1]!.name;
    expect(run.stderr).toContain(`source "${document}" (${guidOf(`doc:${document}`)})`);
  });

  it('a document already in the study with another text is a conflict (exit 4), nothing written', async () => {
    const changed = join(dir, 'changed.qdpx');
    const [first, second] = czechProject.documents;
    await writeQdpx(changed, {
      ...czechProject,
      documents: [{ ...first!, text: `${first!.text}\nA new last line.` }, second!],
    });
    const run = await runCli(['--db', database.url, 'import', changed, '--study', 'good']);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('already in the study with a different text');
    expect(await countRows(database.url)).toEqual(before);
  });

  it('a schema-invalid .qde is read with a warning naming the element and line', async () => {
    const run = await runCli([
      '--db',
      database.url,
      'import',
      files.schemaInvalid as string,
      '--study',
      'schema',
      '--dry-run',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /schema-invalid\.qde:\d+: not valid against the REFI-QDA schema: Element 'Code', attribute 'isCodable'/,
    );
    expect(await countRows(database.url)).toEqual(before);
  });

  it('--json reports the error as one parseable document with the exit code', async () => {
    const run = await runCli([
      '--db',
      database.url,
      '--json',
      'import',
      files.malformed as string,
      '--study',
      'bad json',
    ]);
    expect(run.code).toBe(2);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.ok).toBe(false);
    expect(parsed.error.exitCode).toBe(2);
    expect(await countRows(database.url)).toEqual(before);
  });

  it('a mapping file with an unknown indicator names file, line and column', async () => {
    const run = await runCli([
      '--db',
      database.url,
      'import',
      join(dir, 'good.qdpx'),
      '--study',
      'mapped',
      '--mapping',
      files.badMapping as string,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${files.badMapping}:3:16`);
    expect(run.stderr).toContain('indicator');
    expect(await countRows(database.url)).toEqual(before);
  });
});
