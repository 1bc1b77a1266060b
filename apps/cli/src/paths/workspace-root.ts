/** Where the repo root is and where the default database lives, the same place the API uses. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** The nearest folder at or above `from` holding pnpm-workspace.yaml, or undefined outside a workspace. */
export function findWorkspaceRoot(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Relative default database path, resolved against the workspace root (as `pnpm start` does). */
export const defaultDatabasePath = 'data/peerbridge.db';

/**
 * The database URL to use: `--db`, else `DATABASE_URL`, else ./data/peerbridge.db at the workspace
 * root (or the cwd outside a workspace). A relative SQLite path is taken relative to `cwd`.
 */
export function resolveDatabaseUrl(
  option: string | undefined,
  envUrl: string | undefined,
  cwd: string,
): string {
  const given = option ?? envUrl;
  if (given !== undefined) {
    if (/^postgres(ql)?:\/\//.test(given) || given === ':memory:') return given;
    const path = given.replace(/^(sqlite|file):(\/\/)?/, '');
    return isAbsolute(path) ? path : resolve(cwd, path);
  }
  const root = findWorkspaceRoot(cwd) ?? cwd;
  return join(root, defaultDatabasePath);
}

/** A file path from the command line, relative to the directory the user ran the command in. */
export function resolveUserPath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
