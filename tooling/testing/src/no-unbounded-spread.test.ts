/** The repo's Biome plugin refuses spreading arrays into calls (issue 16): proved on a snippet, and the tree is clean. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const biome = join(root, 'node_modules/.bin/biome');
const plugin = join(root, 'tooling/biome/no-unbounded-spread.grit');
const dir = mkdtempSync(join(tmpdir(), 'peerbridge-spread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'biome.json'), JSON.stringify({ plugins: [plugin] }));

/** Lint one snippet with the repo's plugin (in a folder of its own, so only the snippet is checked). */
function lintSnippet(code: string) {
  writeFileSync(join(dir, 'snippet.ts'), code);
  return spawnSync(biome, ['lint', 'snippet.ts'], { cwd: dir, encoding: 'utf8' });
}

describe('no spreading of unbounded arrays into calls', () => {
  it.each([
    'const a: number[] = []; const b = [1]; a.push(...b);',
    'const a: number[] = []; const b = [1]; a.push(\n  0,\n  ...b.map((x) => x),\n);',
    'const a: number[] = []; a.unshift(...[1]);',
    'const b = [1]; export const m = Math.max(0, ...b);',
    'const b = [1]; export const m = Math.min(...b);',
    'const b = [65]; export const s = String.fromCharCode(...b);',
  ])('refuses %s', (code) => {
    const result = lintSnippet(code);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('Maximum call stack size exceeded');
  });

  it('accepts loops, object spreads and array literals', () => {
    const result = lintSnippet(
      'const a: unknown[] = []; const b = [1];\nfor (const x of b) a.push(x);\na.push({ ...b });\nexport const c = [...b];\nexport const m = b.reduce((x, y) => Math.max(x, y), 0);\n',
    );
    expect(result.stdout + result.stderr).not.toContain('Maximum call stack size exceeded');
  });

  it('is switched on for the whole repository, which holds no such spread', () => {
    expect(JSON.parse(readFileSync(join(root, '.biome.json'), 'utf8')).plugins).toContain(
      './tooling/biome/no-unbounded-spread.grit',
    );
    const result = spawnSync(biome, ['lint', '--max-diagnostics=50', '.'], { cwd: root, encoding: 'utf8' });
    const hits = (result.stdout + result.stderr).split('\n').filter((l) => / plugin ━/.test(l));
    expect(hits).toEqual([]);
  }, 60_000);
});
