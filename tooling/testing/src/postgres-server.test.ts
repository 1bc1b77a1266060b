import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgresBinaries, startPostgresServer } from './postgres-server';

describe('throwaway PostgreSQL server', () => {
  it('starts from the installed binaries, answers queries, and is gone after stop', async () => {
    const binDir = findPostgresBinaries();
    if (!binDir && process.env.CI !== 'true') {
      console.warn('PostgreSQL binaries missing: cannot test the throwaway server here');
      return;
    }
    const server = await startPostgresServer(binDir);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query<{ answer: number }>('select 40 + 2 as answer');
    await client.end();
    expect(rows[0]?.answer).toBe(42);
    await server.stop();
    const after = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 1000 });
    await expect(after.connect()).rejects.toThrow();
  }, 30_000);
});

describe('a throwaway server whose owner dies', () => {
  it('is stopped and removed by its watchdog even when the owner is killed with SIGKILL', async () => {
    if (!findPostgresBinaries() && process.env.CI !== 'true') {
      console.warn('PostgreSQL binaries missing: cannot test the watchdog here');
      return;
    }
    const { spawn } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const here = new URL('.', import.meta.url).pathname;
    const owner = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${here}postgres-server.ts').then(async (m) => { const s = await m.startPostgresServer(); console.log(JSON.stringify({ url: s.url, port: s.port })); setInterval(() => {}, 1000); });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = await new Promise<string>((resolve, reject) => {
      owner.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
      owner.once('exit', (code) => reject(new Error(`owner exited early (${code})`)));
    });
    const { url } = JSON.parse(line) as { url: string };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    await client.end();
    const dataDir = rows[0]?.data_directory ?? '';
    expect(existsSync(dataDir)).toBe(true);
    owner.kill('SIGKILL');
    let gone = false;
    for (let i = 0; i < 30 && !gone; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 500 });
      gone = await probe.connect().then(
        async () => {
          await probe.end();
          return false;
        },
        () => true,
      );
    }
    expect(gone).toBe(true);
    for (let i = 0; i < 10 && existsSync(dataDir); i++) await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(dataDir)).toBe(false);
  }, 40_000);
});
