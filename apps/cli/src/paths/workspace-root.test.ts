import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWorkspaceRoot, resolveDatabaseUrl } from './workspace-root';

const repoRoot = findWorkspaceRoot(import.meta.dirname) as string;

describe('database location', () => {
  it('defaults to data/peerbridge.db at the workspace root, wherever in the repo the CLI runs', () => {
    expect(resolveDatabaseUrl(undefined, undefined, join(repoRoot, 'apps/cli'))).toBe(
      join(repoRoot, 'data/peerbridge.db'),
    );
    expect(resolveDatabaseUrl(undefined, undefined, repoRoot)).toBe(join(repoRoot, 'data/peerbridge.db'));
  });
  it('takes --db over DATABASE_URL, resolving a relative file against the cwd, and keeps postgres URLs', () => {
    expect(resolveDatabaseUrl('x.db', '/env.db', '/work')).toBe('/work/x.db');
    expect(resolveDatabaseUrl(undefined, '/env.db', '/work')).toBe('/env.db');
    expect(resolveDatabaseUrl(undefined, 'postgres://u@h/db', '/work')).toBe('postgres://u@h/db');
    expect(resolveDatabaseUrl('file:rel.db', undefined, '/w')).toBe('/w/rel.db');
  });
});
