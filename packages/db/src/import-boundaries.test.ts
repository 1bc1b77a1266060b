import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file under a folder, tests included. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string);
}

describe('import boundaries of @peerbridge/db', () => {
  const root = import.meta.dirname;

  it('imports no app, no services and no other workspace package except domain (and testing in tests)', () => {
    const offenders = sourceFiles(root).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('@peerbridge/'))
        .filter((spec) => spec !== '@peerbridge/domain')
        .filter(
          (spec) =>
            !(spec.startsWith('@peerbridge/testing') && /(\.test|test-database|vitest-context)/.test(file)),
        )
        .map((spec) => `${relative(root, file)} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps migrations frozen: they import kysely, node:crypto (to hash the audit chain) and each other only', () => {
    const offenders = sourceFiles(join(root, 'migrations')).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            spec !== 'kysely' && spec !== 'node:crypto' && !/^\.\/2026-\d\d-\d\d-\d{3,4}-[a-z-]+$/.test(spec),
        )
        .map((spec) => `${relative(root, file)} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
