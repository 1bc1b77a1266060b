/**
 * The remote CLI (issue 14 item 3, ADR 0021) against a real api started by the test, over real HTTP, on
 * both dialects: an admin's `token create` on the server's database, `login` (the saved token is 0600),
 * then import, analyze, export, studies list and codebook export on the server. Every answer is
 * byte-identical to the same command run with `--db` on the same database; errors print the same and
 * exit with the same code. A revoked token is refused and audited; a token never reaches supervision.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { main, readEnv, StringSink } from '@peerbridge/cli';
import { catalog, indicatorIds } from '@peerbridge/domain';
import { readZipEntries, writeLargeQdpx } from '@peerbridge/refi-qda/testing';
import { insertUserWithPassword, revokeApiToken } from '@peerbridge/services';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from './test-support/test-server';

const cliDir = resolve(import.meta.dirname, '..', '..', 'cli');
const cliBin = join(cliDir, 'src', 'bin.ts');
const dir = mkdtempSync(join(tmpdir(), 'peerbridge-remote-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Six codes that map to indicators (by label) and two that map to nothing. */
const CODE_NAMES = [
  ...indicatorIds.slice(0, 6).map((id) => catalog.indicators[id].label.en),
  'Vlastní kód 1',
  'Vlastní kód 2',
];
const project = join(dir, 'project.qdpx');
const broken = join(dir, 'broken.qdpx');

beforeAll(async () => {
  await writeLargeQdpx(project, { documents: 12, segments: 240, participants: 4, codeNames: CODE_NAMES });
  writeFileSync(broken, 'this is not a zip archive');
});

/** An export with its `exportedAt` instant taken out (two exports a moment apart differ only there). */
function sameExport(text: string): string {
  return text.replace(/"exportedAt": "[^"]+"/g, '"exportedAt": "(instant)"');
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `peerbridge <args>` in this process (real HTTP to the api), with only the environment given. */
async function cli(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  const stdout = new StringSink();
  const stderr = new StringSink();
  const code = await main(args, {
    stdout,
    stderr,
    env: readEnv({ NO_COLOR: '1', ...env }),
    stdin: stdin === undefined ? undefined : Readable.from([stdin]),
    cwd: dir,
    progress: 'none',
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** `peerbridge <args>` as a real process, with only the environment given (no DATABASE_URL, no login). */
function cliProcess(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliBin, ...args], {
      // The CLI's own folder, where tsx resolves; every path given is absolute.
      cwd: cliDir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

describe.each(testDialects())('the remote CLI on %s', { timeout: 180_000 }, (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let url: string;
  let researcherId: string;
  let token = '';
  /** An environment whose config home holds the saved login. */
  const home = mkdtempSync(join(dir, `home-${dialect}-`));
  const loggedIn = { HOME: home, XDG_CONFIG_HOME: join(home, 'config') };
  const nobody = { HOME: mkdtempSync(join(dir, `nobody-${dialect}-`)) };
  const local = (args: string[]) => cli(['--db', url, ...args], nobody);
  const remote = (args: string[]) => cli(args, loggedIn);

  beforeAll(async () => {
    api = await startTestApi(dialect);
    url = api.tdb.url;
    const db = api.handle.db;
    await db
      .insertInto('organization')
      .values({ id: 'org-r', name: 'Synthetic Research Trust', created_at: new Date().toISOString() })
      .execute();
    researcherId = await insertUserWithPassword(db, 'org-r', {
      name: 'Rita Researcher',
      email: 'rita@example.test',
      password: 'a long synthetic passphrase',
      roles: ['researcher'],
    });
    await insertUserWithPassword(db, 'org-r', {
      name: 'Sam Supervisor',
      email: 'sam@example.test',
      password: 'a long synthetic passphrase',
      roles: ['supervisor'],
    });
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  it('token create prints a research token once and stores only its hash; a supervisor gets none', async () => {
    const created = await local([
      '--json',
      'token',
      'create',
      '--email',
      'rita@example.test',
      '--name',
      'laptop',
    ]);
    expect(created.code).toBe(0);
    token = JSON.parse(created.stdout).token;
    expect(token).toMatch(/^pbt_/);
    const rows = await api.handle.db.selectFrom('api_token').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);

    const refused = await local(['token', 'create', '--email', 'sam@example.test']);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('researcher role');
    expect(await api.handle.db.selectFrom('api_token').selectAll().execute()).toHaveLength(1);
  });

  it('login checks the token on the server and saves it readable by the owner only (0600)', async () => {
    const wrong = await cli(['login', '--server', api.baseUrl, '--token', 'pbt_not-a-token'], loggedIn);
    expect(wrong.code).toBe(5);
    expect(wrong.stderr).toContain('refused the API token');
    const run = await cli(['login', '--server', `${api.baseUrl}/`], loggedIn, `${token}\n`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const file = join(loggedIn.XDG_CONFIG_HOME, 'peerbridge', 'credentials.json');
    expect(run.stdout).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ server: api.baseUrl, token });
  });

  it('imports over HTTP (streamed) as the local database does, and a re-import is the same no-op', async () => {
    const up = await remote(['--json', 'import', project, '--study', 'remote-study']);
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    const here = await local(['--json', 'import', project, '--study', 'local-study']);
    expect(here.code).toBe(0);
    const comparable = (text: string) => {
      const { seconds: _s, segmentsPerSecond: _r, study, ...report } = JSON.parse(text);
      return { ...report, study: { ...study, name: 'x' } };
    };
    expect(comparable(up.stdout)).toEqual(comparable(here.stdout));
    expect(JSON.parse(up.stdout)).toMatchObject({
      status: 'imported',
      file: project,
      counts: { coded_segment: 240 },
    });
    // Written once, by the token's owner.
    const studies = await api.handle.db.selectFrom('study').select(['name', 'owner_user_id']).execute();
    expect(studies.map((s) => [s.name, s.owner_user_id]).sort()).toEqual([
      ['local-study', researcherId],
      ['remote-study', researcherId],
    ]);
    const again = await remote(['--json', 'import', project, '--study', 'remote-study']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'already_imported', file: project });
    // The dry run's text is the same as the local one's (no timing in it); the upload reports its bytes.
    const dryRemote = await remote(['--progress', 'lines', 'import', project, '--study', 'dry', '--dry-run']);
    expect(dryRemote.stderr).toMatch(/progress: uploading \[#+\] 100% /);
    const dryLocal = await local(['import', project, '--study', 'dry', '--dry-run']);
    expect(dryRemote.code).toBe(0);
    expect(dryRemote.stdout).toBe(dryLocal.stdout);
    expect(dryRemote.stdout).toContain('Dry run');
  });

  it('imports pseudonymised on the server as on the database (the key is sent, never stored)', async () => {
    const keyFile = join(dir, `import-key-${dialect}`);
    writeFileSync(keyFile, 'another synthetic key, long enough\n');
    const there = await remote([
      '--json',
      'import',
      project,
      '--study',
      'p-remote',
      '--pseudonymize',
      '--key-file',
      keyFile,
    ]);
    const here = await local([
      '--json',
      'import',
      project,
      '--study',
      'p-local',
      '--pseudonymize',
      '--key-file',
      keyFile,
    ]);
    expect(there.code).toBe(0);
    expect(JSON.parse(there.stdout).pseudonymization).toEqual(JSON.parse(here.stdout).pseudonymization);
    const a = await local(['export', '--study', 'p-remote', '--format', 'csv', '--table', 'participants']);
    const b = await local(['export', '--study', 'p-local', '--format', 'csv', '--table', 'participants']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toContain('Participant 0001');
    expect(a.stdout.split('\n').length).toBeGreaterThan(4);
    for (const table of ['audit_event', 'import_run', 'study'] as const) {
      const rows = JSON.stringify(await api.handle.db.selectFrom(table).selectAll().execute());
      expect(rows).not.toContain('another synthetic key');
      expect(rows).not.toContain(Buffer.from('another synthetic key, long enough').toString('base64'));
    }
  });

  it('analyze, studies list and codebook export print byte for byte what --db prints', async () => {
    for (const args of [
      ['analyze', '--study', 'remote-study'],
      ['analyze', '--study', 'remote-study', '--format', 'json'],
      ['analyze', '--study', 'remote-study', '--format', 'csv'],
      ['analyze', '--study', 'remote-study', '--unit', 'sentence', '--co-occurrence', 'across-coders'],
      ['studies', 'list'],
      ['--json', 'studies', 'list'],
      ['codebook', 'export', '--format', 'csv', '--lang', 'cs'],
      ['codebook', 'export'],
    ]) {
      const there = await remote(args);
      const here = await local(args);
      expect({ args, code: there.code, stderr: there.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(there.stdout).toBe(here.stdout);
      expect(there.stdout.length).toBeGreaterThan(100);
    }
    const chosen = await remote([
      'analyze',
      '--study',
      'remote-study',
      '--co-occurrence',
      'across-coders',
      '--json',
    ]);
    expect(JSON.parse(chosen.stdout).coOccurrenceMode).toBe('across-coders');
  });

  it('exports to stdout and to files byte for byte as --db does (qdpx: the same entries)', async () => {
    for (const args of [
      ['export', '--study', 'remote-study'],
      ['export', '--study', 'remote-study', '--format', 'csv'],
      ['export', '--study', 'remote-study', '--format', 'csv', '--table', 'participants', '--bom'],
    ]) {
      const there = await remote(args);
      const here = await local(args);
      expect(there.code).toBe(0);
      expect(sameExport(there.stdout)).toBe(sameExport(here.stdout));
    }
    const keyFile = join(dir, `key-${dialect}`);
    writeFileSync(keyFile, 'a synthetic key of more than sixteen bytes\n');
    for (const [format, extra] of [
      ['json', []],
      ['csv', []],
      ['qdpx', []],
      ['json', ['--pseudonymize', '--key-file', keyFile]],
    ] as const) {
      const there = join(dir, `${dialect}-remote.${format}`);
      const here = join(dir, `${dialect}-local.${format}`);
      const a = await remote([
        'export',
        '--study',
        'remote-study',
        '--format',
        format,
        '--out',
        there,
        ...extra,
      ]);
      const b = await local([
        'export',
        '--study',
        'remote-study',
        '--format',
        format,
        '--out',
        here,
        ...extra,
      ]);
      expect({ code: a.code, stderr: a.stderr }).toEqual({ code: 0, stderr: '' });
      expect(a.stdout.replace(there, 'OUT')).toBe(b.stdout.replace(here, 'OUT'));
      if (format === 'qdpx') {
        expect([...(await readZipEntries(there))]).toEqual([...(await readZipEntries(here))]);
      } else {
        expect(sameExport(readFileSync(there, 'utf8'))).toBe(sameExport(readFileSync(here, 'utf8')));
      }
    }
    // Each remote export was recorded on the server with the delivered bytes' size and hash.
    const exports = await api.handle.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'study.export')
      .execute();
    expect(exports.filter((e) => e.details.includes('"via":"api-token"'))).toHaveLength(7);
  });

  it("fails as --db fails: same message, same exit code, the user's own path in it; nothing written", async () => {
    const before = await api.handle.db.selectFrom('study').select('id').execute();
    for (const args of [
      ['analyze', '--study', 'no-such-study'],
      ['export', '--study', 'no-such-study', '--format', 'csv'],
      ['import', broken, '--study', 'broken'],
      ['import', join(dir, 'missing.qdpx'), '--study', 'broken'],
    ]) {
      const there = await remote(args);
      const here = await local(args);
      expect({ args, code: there.code, stderr: there.stderr }).toEqual({
        args,
        code: here.code,
        stderr: here.stderr,
      });
      expect(there.code).not.toBe(0);
    }
    const brokenRun = await remote(['import', broken, '--study', 'broken']);
    expect(brokenRun.stderr).toContain(broken);
    expect(brokenRun.stderr).not.toContain('peerbridge-upload');
    expect(await api.handle.db.selectFrom('study').select('id').execute()).toEqual(before);
  });

  it('works without a saved login from PEERBRIDGE_SERVER/PEERBRIDGE_TOKEN and from --server/--token', async () => {
    const expected = (await local(['studies', 'list'])).stdout;
    // A real process, so the variables come from its environment.
    const fromEnv = await cliProcess(['studies', 'list'], {
      ...nobody,
      PEERBRIDGE_SERVER: api.baseUrl,
      PEERBRIDGE_TOKEN: token,
    });
    expect(fromEnv).toEqual({ code: 0, stdout: expected, stderr: '' });
    const fromFlags = await cli(['--server', api.baseUrl, '--token', token, 'studies', 'list'], nobody);
    expect(fromFlags).toEqual({ code: 0, stdout: expected, stderr: '' });
    const both = await cli(['--db', url, '--server', api.baseUrl, 'studies', 'list'], nobody);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('--db and --server');
  });

  it('a token reaches no supervision, admin or account procedure: answered as signed out, refusal audited', async () => {
    for (const procedure of ['supervision.caseload', 'admin.users', 'account.me', 'tokens.list']) {
      const withToken = await fetch(`${api.baseUrl}/trpc/${procedure}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const without = await fetch(`${api.baseUrl}/trpc/${procedure}`);
      expect(withToken.status).toBe(401);
      expect(await withToken.text()).toBe(await without.text());
    }
    const refused = await api.handle.db
      .selectFrom('audit_event')
      .select(['details', 'actor_user_id'])
      .where('action', '=', 'api_token.refused')
      .execute();
    expect(refused.map((e) => JSON.parse(e.details).procedure).sort()).toEqual([
      'account.me',
      'admin.users',
      'supervision.caseload',
      'tokens.list',
    ]);
    expect(new Set(refused.map((e) => e.actor_user_id))).toEqual(new Set([researcherId]));
  });

  it('refuses a revoked token (exit 5, audited) and logout forgets the saved one', async () => {
    const row = await api.handle.db.selectFrom('api_token').select('id').executeTakeFirstOrThrow();
    await revokeApiToken(
      api.handle.db,
      { userId: researcherId, organizationId: 'org-r', roles: ['researcher'] },
      { tokenId: row.id },
    );
    const run = await remote(['analyze', '--study', 'remote-study']);
    expect(run.code).toBe(5);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('refused the API token');
    const events = await api.handle.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'api_token.refused')
      .execute();
    expect(events.map((e) => JSON.parse(e.details))).toContainEqual({
      reason: 'revoked',
      procedure: '/api/research/analyze',
    });
    const out = await remote(['logout']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Logged out');
    expect(existsSync(join(loggedIn.XDG_CONFIG_HOME, 'peerbridge', 'credentials.json'))).toBe(false);
    const after = await cli(['--server', api.baseUrl, 'studies', 'list'], loggedIn);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain(`no API token for ${api.baseUrl}`);
  });
});
