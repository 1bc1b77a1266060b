/**
 * Starts a throwaway PostgreSQL server from the installed Debian binaries: initdb into a temporary
 * folder, a free port on loopback, removed again on stop. Tests need no running service.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  /** Connection URL of the `postgres` superuser database. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Finds the folder holding `initdb` and `pg_ctl`, or null when PostgreSQL is not installed. */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.PEERBRIDGE_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary; as root it runs as the `postgres` user, since the server refuses root. */
function run(bin: string, args: string[], asPostgres: boolean): void {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

/**
 * A detached watchdog that stops the server and removes its folder once the owning process is gone,
 * even when it was killed (a SIGKILL skips every teardown), so no test run leaves a server behind.
 */
function watchOwner(
  ownerPid: number,
  asPostgres: boolean,
  pgCtl: string,
  dataDir: string,
  dir: string,
): void {
  const stop = `${asPostgres ? 'runuser -u postgres -- ' : ''}"${pgCtl}" -D "${dataDir}" -m immediate -w stop`;
  const script = `while kill -0 ${ownerPid} 2>/dev/null; do sleep 1; done; if [ -d "${dataDir}" ]; then ${stop}; rm -rf "${dir}"; fi`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

export async function startPostgresServer(binDir = findPostgresBinaries()): Promise<PostgresServer> {
  if (!binDir) throw new Error('PostgreSQL binaries not found (install the Debian `postgresql` package)');
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'peerbridge-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const dataDir = join(dir, 'data');
  run(
    join(binDir, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'],
    asRoot,
  );
  const log = join(dir, 'server.log');
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    // Probed just before the start: the port is free now, but another process (another package's server,
    // a client's outgoing connection) may take it before the server binds it; then another port is tried.
    port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    try {
      run(join(binDir, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', log, '-w', 'start'], asRoot);
      break;
    } catch (error) {
      const said = existsSync(log) ? readFileSync(log, 'utf8') : '';
      if (attempt < 5 && /could not bind|already in use|could not create any TCP\/IP sockets/i.test(said))
        continue;
      throw new Error(`${(error as Error).message}\nserver log:\n${said.slice(-2000)}`);
    }
  }
  watchOwner(process.pid, asRoot, join(binDir, 'pg_ctl'), dataDir, dir);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], asRoot);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
