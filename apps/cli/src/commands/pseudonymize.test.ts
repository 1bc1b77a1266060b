/**
 * `--pseudonymize` through the command line (ADR 0022): `import --pseudonymize` writes no name of the
 * canary project, `export --pseudonymize --mapping` keeps only its allowVariables and reports what it
 * dropped, in the text output and the --json summary, and bad flags or allowlists are clear errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@peerbridge/db';
import { canaryIn, canaryQdpx, readZipEntries } from '@peerbridge/refi-qda/testing';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initializedDatabase, runCli } from '../../test/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-pseudonymize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const project = join(dir, 'project.qdpx');
const keyFile = join(dir, 'key');
const mapping = join(dir, 'allow.yaml');
const badMapping = join(dir, 'bad-allow.yaml');

beforeAll(() => {
  writeFileSync(project, canaryQdpx());
  writeFileSync(keyFile, 'a-test-key-of-more-than-thirty-two-bytes-length\n');
  writeFileSync(mapping, 'allowVariables:\n  - Gender\n  - age band\n');
  writeFileSync(badMapping, 'allowVariables:\n  - gender\n  - GENDER\n');
});

/** Every row of every table of the database, as JSON text. */
async function everyRow(url: string): Promise<string> {
  const handle = await openDatabase({ url });
  try {
    let out = '';
    for (const table of await handle.db.introspection.getTables()) {
      const rows = await handle.db
        .selectFrom(table.name as never)
        .selectAll()
        .execute();
      out += `${table.name}: ${JSON.stringify(rows)}\n`;
    }
    return out;
  } finally {
    await handle.destroy();
  }
}

describe.each(testDialects())('peerbridge --pseudonymize on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('import --pseudonymize writes no name into the database and reports the redactions', async () => {
    const run = await runCli([
      '--db',
      database.url,
      'import',
      project,
      '--study',
      'pseudonymised at import',
      '--pseudonymize',
      '--key-file',
      keyFile,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Pseudonymised: 17 name\(s\) redacted in texts/);
    expect(run.stdout).toContain('Variables dropped');
    expect(canaryIn(await everyRow(database.url))).toBeNull();
  });

  it('export --pseudonymize --mapping keeps only allowVariables and reports the dropped ones in --json', async () => {
    expect((await runCli(['--db', database.url, 'import', project, '--study', 'plain'])).code).toBe(0);
    expect(canaryIn(await everyRow(database.url))).not.toBeNull();
    const out = join(dir, `export-${dialect}.qdpx`);
    const run = await runCli([
      '--db',
      database.url,
      '--json',
      'export',
      '--study',
      'plain',
      '--format',
      'qdpx',
      '--out',
      out,
      '--pseudonymize',
      '--key-file',
      keyFile,
      '--mapping',
      mapping,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.pseudonymization.variables).toMatchObject({
      allowed: ['age_band', 'gender'],
      kept: ['age_band', 'gender'],
      derived: ['age_band'],
    });
    expect(summary.pseudonymization.variables.dropped.map((d: { name: string }) => d.name)).toEqual([
      'Hobcanary_score',
      'age',
      'email',
      'full_name',
      'setting',
      'tenure',
    ]);
    for (const [name, bytes] of await readZipEntries(out)) expect(canaryIn(bytes), name).toBeNull();
    const qde = (await readZipEntries(out)).get('project.qde')?.toString('utf8') ?? '';
    expect(qde).toContain('name="age_band"');
    expect(qde).not.toContain('name="setting"');

    const text = await runCli([
      '--db',
      database.url,
      'export',
      '--study',
      'plain',
      '--format',
      'csv',
      '--out',
      join(dir, `export-${dialect}.csv`),
      '--pseudonymize',
      '--key-file',
      keyFile,
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      'Variables dropped (not in allowVariables: age_band, gender, setting, tenure_band): 5',
    );
    expect(text.stdout).toMatch(/full_name \(2 participants\)/);
    expect(canaryIn(readFileSync(join(dir, `export-${dialect}.csv`)))).toBeNull();
  });

  it('an allowlist naming one variable twice is invalid input naming the file and line; flags need each other', async () => {
    const bad = await runCli([
      '--db',
      database.url,
      'export',
      '--study',
      'plain',
      '--pseudonymize',
      '--key-file',
      keyFile,
      '--mapping',
      badMapping,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad-allow.yaml');
    expect(bad.stderr).toContain('bad-allow.yaml:3:5: allowVariables.1');
    expect(bad.stderr).toContain('same variable as "gender"');
    const keyOnly = await runCli([
      '--db',
      database.url,
      'import',
      project,
      '--study',
      'x',
      '--key-file',
      keyFile,
    ]);
    expect(keyOnly.code).toBe(1);
    expect(keyOnly.stderr).toContain('--key-file is only read with --pseudonymize');
    const noKey = await runCli(['--db', database.url, 'import', project, '--study', 'x', '--pseudonymize']);
    expect(noKey.code).toBe(1);
    const mappingOnly = await runCli([
      '--db',
      database.url,
      'export',
      '--study',
      'plain',
      '--mapping',
      mapping,
    ]);
    expect(mappingOnly.code).toBe(1);
  });
});
