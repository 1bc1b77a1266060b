import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  describeNativeLoadError,
  NativeSqliteError,
  nativeSqliteProblem,
  openSqliteFile,
} from './native-sqlite';

/** Node's own text when a native addon built for ABI `builtFor` is loaded by a Node that needs `requires`. */
function realMismatchText(file: string, builtFor: string, requires: string): string {
  return (
    `The module '${file}'\nwas compiled against a different Node.js version using\n` +
    `NODE_MODULE_VERSION ${builtFor}. This version of Node.js requires\n` +
    `NODE_MODULE_VERSION ${requires}. Please try re-compiling or re-installing\n` +
    'the module (for instance, using `npm rebuild` or `npm install`).'
  );
}

const binding = '/srv/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const node26 = { version: '26.12.1', abi: '147' };

describe('the native-module check', () => {
  it('passes on this Node with the installed build', () => {
    expect(nativeSqliteProblem()).toBeNull();
  });

  it('names both Node lines and the fix for a build made for another Node', () => {
    const error = Object.assign(new Error(realMismatchText(binding, '115', '147')), {
      code: 'ERR_DLOPEN_FAILED',
    });
    expect(describeNativeLoadError(error, node26)).toBe(
      'better-sqlite3 was built for Node 20 (ABI 115); this is Node 26.12.1 (ABI 147): run `pnpm rebuild better-sqlite3`',
    );
  });

  it('says "another Node" for an ABI number it does not know, and never guesses a version', () => {
    const error = new Error(realMismatchText(binding, '9999', '147'));
    expect(describeNativeLoadError(error, node26)).toBe(
      'better-sqlite3 was built for another Node (ABI 9999); this is Node 26.12.1 (ABI 147): run `pnpm rebuild better-sqlite3`',
    );
  });

  it('explains a second load of the mismatched build and a missing build', () => {
    const again = new Error(`Module did not self-register: '${binding}'.`);
    expect(describeNativeLoadError(again, node26)).toMatch(
      /does not load on Node 26\.12\.1 \(ABI 147\).*pnpm rebuild/,
    );
    const missing = new Error(`Could not locate the bindings file. Tried:\n → ${binding}`);
    expect(describeNativeLoadError(missing, node26)).toMatch(
      /no native build for Node 26\.12\.1.*pnpm rebuild/,
    );
  });

  it('lets an unrelated error through unchanged', () => {
    const unrelated = new Error('SQLITE_CANTOPEN: unable to open database file');
    expect(describeNativeLoadError(unrelated, node26)).toBeNull();
    expect(() =>
      nativeSqliteProblem(() => {
        throw unrelated;
      }),
    ).toThrow(unrelated);
  });

  it('opens files through the check and keeps ordinary open errors as they are', () => {
    const db = openSqliteFile(':memory:');
    expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 });
    db.close();
    const missingFolder = join(tmpdir(), 'peerbridge-no-such-folder', 'x', 'app.db');
    let thrown: unknown;
    try {
      openSqliteFile(missingFolder);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(NativeSqliteError);
    expect((thrown as Error).message).toMatch(/directory does not exist/);
  });

  describe('in a process entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peerbridge-native-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const child = join(import.meta.dirname, '..', 'test', 'native-mismatch-child.ts');
    const run = (module: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', child, module], {
        encoding: 'utf8',
        cwd: join(import.meta.dirname, '..'),
      });

    it('exits 1 with one clear line, not a stack trace, when the binding was built for another Node', () => {
      // A module that fails the way Node fails on a build for another ABI (Node 26's on Node 20, or Node 20's on 26).
      const other = process.versions.modules === '147' ? '115' : '147';
      const fake = join(dir, 'mismatched-binding.cjs');
      const text = realMismatchText(join(dir, 'better_sqlite3.node'), other, process.versions.modules);
      writeFileSync(
        fake,
        `throw Object.assign(new Error(${JSON.stringify(text)}), { code: 'ERR_DLOPEN_FAILED' });\n`,
      );
      const result = run(fake);
      const line = other === '147' ? 'Node 26 (ABI 147)' : 'Node 20 (ABI 115)';
      expect(result.stderr).toBe(
        `better-sqlite3 was built for ${line}; this is Node ${process.versions.node} (ABI ${process.versions.modules}): run \`pnpm rebuild better-sqlite3\`\n`,
      );
      expect(result.stdout).toBe('');
      expect(result.status).toBe(1);
    });

    it('carries on when the binding loads', () => {
      const fine = join(dir, 'working-binding.cjs');
      writeFileSync(fine, 'module.exports = {};\n');
      const result = run(fine);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('binding loaded\n');
      expect(result.status).toBe(0);
    });
  });
});
