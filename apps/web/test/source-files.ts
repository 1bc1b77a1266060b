/** The code base's own TypeScript sources (no tests, builds or test support), for tests that grep them. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const repoRoot = join(import.meta.dirname, '../../..');

/** Every non-test .ts/.tsx file under `dir`. */
export function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes('test-support'))
      out.push(path);
  }
  return out;
}

/** The source files of the packages that write audit events. */
export const auditWriterFiles = (): string[] =>
  ['packages/services/src', 'apps/api/src', 'apps/cli/src'].flatMap((dir) =>
    sourceFiles(join(repoRoot, dir)),
  );
