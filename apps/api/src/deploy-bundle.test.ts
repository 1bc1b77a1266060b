/**
 * The production path of issue 15: `pnpm bundle <dir>` makes a directory with the built server, the portal
 * and only production dependencies; there, the README's start command (`pnpm start`) serves the demo
 * organisation and the portal without the repository or its dev toolchain. The deploy may compile
 * better-sqlite3 (CI's Node 26 run keeps no built copy), hence the long guard; it is not a timing.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'peerbridge-bundle-'));
const dir = join(work, 'bundle');
let server: ChildProcess | undefined;
afterAll(() => {
  // `pnpm start` runs node as its child: signal the whole process group, or the server outlives the test.
  if (server?.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

/** Starts `pnpm start` in the bundle on a free port and resolves with the URL it prints. */
function startBundle(): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const child = spawn('pnpm', ['start'], {
      cwd: dir,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    server = child;
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /PeerBridge is running at (http:\/\/\S+)/.exec(out);
      if (match) resolveUrl(match[1] as string);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the bundle's server exited ${code}: ${out}`)));
  });
}

describe('a pnpm deploy bundle', () => {
  it('holds the server, the portal and production dependencies only, and serves from `pnpm start`', async () => {
    const made = spawnSync(process.execPath, [join(root, 'tooling/bundle.mjs'), dir], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      // spawnSync blocks the worker, so vitest's own guard cannot fire: a hung child is killed here.
      timeout: 900_000,
      killSignal: 'SIGKILL',
    });
    expect(made.status, made.stderr + made.stdout).toBe(0);
    expect(existsSync(join(dir, 'dist/main.mjs'))).toBe(true);
    expect(existsSync(join(dir, 'web/index.html'))).toBe(true);
    // No dev toolchain: no TypeScript, tsx, vitest or tsdown beside the server.
    for (const dev of ['typescript', 'tsx', 'vitest', 'tsdown'])
      expect(existsSync(join(dir, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(join(dir, 'src'))).toBe(false);

    const url = await startBundle();
    const ready = await fetch(`${url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
    const portal = await fetch(`${url}/`);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toBe(readFileSync(join(dir, 'web/index.html'), 'utf8'));
    // The demo organisation was seeded into the bundle's own data folder.
    expect(existsSync(join(dir, 'data/peerbridge.db'))).toBe(true);
    // The bundled CLI backs it up while it runs (the deploying guide's backup schedule).
    const backup = spawnSync(
      process.execPath,
      [
        'cli/dist/bin.js',
        '--db',
        join(dir, 'data/peerbridge.db'),
        'backup',
        '--out',
        join(work, 'nightly.db'),
      ],
      { cwd: dir, encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' },
    );
    expect(backup.status, backup.stderr).toBe(0);
    expect(existsSync(join(work, 'nightly.db'))).toBe(true);
    // A research command loads the REFI-QDA reader and its npm dependencies (saxes, yauzl): a dry-run
    // import of the repository's ATLAS.ti sample fails if the CLI's bundle misses one.
    const dryRun = spawnSync(
      process.execPath,
      [
        'cli/dist/bin.js',
        '--db',
        join(dir, 'data/peerbridge.db'),
        'import',
        join(root, 'packages/refi-qda/fixtures/samples/atlasti-8.4-mac-standard-project.qde'),
        '--study',
        'bundle-check',
        '--dry-run',
      ],
      { cwd: dir, encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' },
    );
    expect(dryRun.status, dryRun.stderr).toBe(0);
    for (const dev of ['typescript', 'tsx', 'vitest', 'tsdown'])
      expect(existsSync(join(dir, 'cli/node_modules', dev)), dev).toBe(false);
  }, 1_000_000);
});
