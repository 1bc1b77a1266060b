/** Keeps the domain pure: no I/O, no clock, no randomness, no dependency but zod and uuid (ADR 0018), in every non-test source file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name) && !/\.test\.[a-z]+$/.test(entry.name) ? [path] : [];
  });
}

/** Code without comments, so a comment may mention what the code must not do. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module specifier: static imports and re-exports, dynamic import() and require(). */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s+(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*\{[^}]*\})?)\s*from\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.push(m[1]!);
  return found;
}

const forbidden: { pattern: RegExp; why: string }[] = [
  { pattern: /\bprocess\s*\./, why: 'process.* (environment, I/O): the caller passes what the domain needs' },
  { pattern: /\bDate\.now\s*\(/, why: 'Date.now(): the caller passes asOf' },
  { pattern: /\bnew\s+Date\s*\(\s*\)/, why: 'new Date() without an argument reads the clock' },
  { pattern: /\bMath\.random\s*\(/, why: 'Math.random(): same input must give the same output' },
  { pattern: /\bimport\s*\(/, why: 'dynamic import()' },
  { pattern: /\brequire\s*\(/, why: 'require()' },
];

describe('domain purity', () => {
  const files = sourceFiles(srcDir);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.endsWith(join('analytics', 'index.ts')))).toBe(true);
  });

  it('imports only relative modules, zod and uuid', () => {
    const offenders = files.flatMap((file) =>
      specifiers(withoutComments(readFileSync(file, 'utf8')))
        .filter((s) => !s.startsWith('./') && !s.startsWith('../') && s !== 'zod' && s !== 'uuid')
        .map((s) => `${relative(srcDir, file)}: imports "${s}"`),
    );
    expect(offenders).toEqual([]);
  });

  it('reads no clock, environment or randomness', () => {
    const offenders = files.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8'));
      return forbidden.filter((f) => f.pattern.test(code)).map((f) => `${relative(srcDir, file)}: ${f.why}`);
    });
    expect(offenders).toEqual([]);
  });

  it('recognises the patterns it forbids (the scanner itself works)', () => {
    const sample = [
      "import { readFileSync } from 'node:fs';",
      "export { x } from 'lodash';",
      "import type { Y } from '@peerbridge/db';",
      "import {\n  a,\n  b,\n} from 'multi-line';",
      "const sources = ['interview', 'import'] as const;",
      "import './side-effect';",
      "const z = await import('fs');",
      '// import { a } from "in-a-comment";',
    ].join('\n');
    expect(specifiers(withoutComments(sample))).toEqual([
      'node:fs',
      'lodash',
      '@peerbridge/db',
      'multi-line',
      './side-effect',
      'fs',
    ]);
    const hits = (code: string) => forbidden.filter((f) => f.pattern.test(withoutComments(code))).length;
    expect(hits('const t = Date.now();')).toBe(1);
    expect(hits('const d = new Date();')).toBe(1);
    expect(hits('const d = new Date(0);')).toBe(0);
    expect(hits('if (process.env.X) {}')).toBe(1);
    expect(hits('const r = Math.random();')).toBe(1);
    expect(hits('// never call Math.random() here')).toBe(0);
  });
});
