import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase } from '@peerbridge/db';
import { hashPassword, verifyPassword } from '@peerbridge/services';
import { createTestDatabase, type TestDatabase, testDialects } from '@peerbridge/testing';
import { betterAuth } from 'better-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-harness';

/** Sign in through better-auth itself, configured like the API: proves the account works in the portal. */
async function signIn(url: string, email: string, password: string): Promise<string | null> {
  const handle = await openDatabase({ url });
  try {
    const auth = betterAuth({
      database: { db: handle.db, type: handle.dialect },
      emailAndPassword: {
        enabled: true,
        disableSignUp: true,
        // The product's hasher, as the api configures better-auth (apps/api/src/auth.ts).
        password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
      },
      secret: 'test-secret-test-secret-test-secret-123',
      baseURL: 'http://localhost:3000',
      telemetry: { enabled: false },
      logger: { disabled: true },
    });
    try {
      const result = await auth.api.signInEmail({ body: { email, password } });
      return result.user.email;
    } catch {
      return null;
    }
  } finally {
    await handle.destroy();
  }
}

describe.each(testDialects())('init, migrate and users add on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('init creates the database, the organisation and an admin who can sign in with the printed password', async () => {
    const run = await runCli([
      '--db',
      database.url,
      '--json',
      'init',
      '--org',
      'Péče o duši',
      '--email',
      'Admin@Example.org',
      '--name',
      'Ada',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.organization.name).toBe('Péče o duši');
    expect(result.generatedPassword).toMatch(/^[\w-]{24}$/);
    expect(await signIn(database.url, 'admin@example.org', result.generatedPassword)).toBe(
      'admin@example.org',
    );
    expect(await signIn(database.url, 'admin@example.org', 'wrong-password-123')).toBeNull();
  });

  it('init a second time is a conflict (exit 4); migrate then reports it is up to date', async () => {
    const again = await runCli([
      '--db',
      database.url,
      'init',
      '--org',
      'X',
      '--email',
      'b@example.org',
      '--name',
      'B',
    ]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('already initialised');
    const migrate = await runCli(['--db', database.url, 'migrate']);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('up to date');
  });

  it('users add takes the password from stdin and the user can sign in', async () => {
    const run = await runCli(
      [
        '--db',
        database.url,
        'users',
        'add',
        '--email',
        'rita@example.org',
        '--name',
        'Rita Researcher',
        '--role',
        'researcher',
        '--org',
        'Péče o duši',
        '--password-stdin',
      ],
      { stdin: 'a long enough password\n' },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('a long enough password');
    expect(await signIn(database.url, 'rita@example.org', 'a long enough password')).toBe('rita@example.org');
  });

  it('backup copies SQLite online; on PostgreSQL it is a usage error pointing to pg_dump', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'peerbridge-backup-')), 'copy.db');
    const run = await runCli(['--db', database.url, 'backup', '--out', out]);
    if (dialect === 'postgres') {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('pg_dump');
    } else {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('integrity ok');
    }
    rmSync(dirname(out), { recursive: true, force: true });
  });

  it('users add refuses a taken e-mail (4), an unknown organisation (3), a bad role (1), a short or common password (2)', async () => {
    const base = ['--db', database.url, 'users', 'add', '--name', 'N', '--role', 'supervisor'];
    expect((await runCli([...base, '--email', 'rita@example.org', '--org', 'Péče o duši'])).code).toBe(4);
    const unknown = await runCli([...base, '--email', 'n@example.org', '--org', 'Nowhere']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('"Péče o duši"');
    expect(
      (
        await runCli([
          '--db',
          database.url,
          'users',
          'add',
          '--email',
          'x@example.org',
          '--name',
          'N',
          '--role',
          'boss',
          '--org',
          'Péče o duši',
        ])
      ).code,
    ).toBe(1);
    const short = await runCli(
      [...base, '--email', 's@example.org', '--org', 'Péče o duši', '--password-stdin'],
      { stdin: 'short\n' },
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 15 characters (this one has 5)');
    for (const [stdin, why] of [
      ['iloveyou1234567\n', 'commonly used password'],
      ['                    \n', 'something besides spaces'],
      ['passwordpassword\n', 'repeats the same few characters'],
    ] as const) {
      const weak = await runCli(
        [...base, '--email', 'w@example.org', '--org', 'Péče o duši', '--password-stdin'],
        {
          stdin,
        },
      );
      expect(weak.code).toBe(2);
      expect(weak.stderr).toContain(why);
    }
    // Nothing was written: the same e-mail with a good password is still free.
    const good = await runCli(
      [...base, '--email', 'w@example.org', '--org', 'Péče o duši', '--password-stdin'],
      {
        stdin: 'lantern meadow quiet river\n',
      },
    );
    expect(good.code).toBe(0);
  });
});

describe('backup', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await runCli(['--db', database.url, 'init', '--org', 'Org', '--email', 'a@example.org', '--name', 'A']);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('writes an online backup that opens and holds the same organisation; an existing target is a conflict', async () => {
    const out = `${database.url}.backup`;
    const run = await runCli(['--db', database.url, '--json', 'backup', '--out', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, integrity: 'ok' });
    const copy = await openDatabase({ url: out });
    try {
      const orgs = await copy.db.selectFrom('organization').select('name').execute();
      expect(orgs).toEqual([{ name: 'Org' }]);
    } finally {
      await copy.destroy();
    }
    expect((await runCli(['--db', database.url, 'backup', '--out', out])).code).toBe(4);
  });
});
