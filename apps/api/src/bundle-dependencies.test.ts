/**
 * The built server and CLI bundle the workspace packages but leave npm packages external, resolved from
 * their own node_modules (tsdown.config.ts). So every npm dependency of a bundled workspace package must
 * also be a dependency of the app, or `pnpm start` (or a CLI command) dies with ERR_MODULE_NOT_FOUND.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const workspaceDirs: Record<string, string> = {
  '@peerbridge/db': 'packages/db',
  '@peerbridge/domain': 'packages/domain',
  '@peerbridge/services': 'packages/services',
  '@peerbridge/refi-qda': 'packages/refi-qda',
  '@peerbridge/study-formats': 'packages/study-formats',
};

function manifestOf(dir: string): {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
} {
  return JSON.parse(readFileSync(resolve(root, dir, 'package.json'), 'utf8'));
}

function dependenciesOf(dir: string): string[] {
  return Object.keys(manifestOf(dir).dependencies ?? {});
}

describe.each(['apps/api', 'apps/cli'])('the %s bundle', (app) => {
  it('lists every npm dependency of the workspace packages it bundles', () => {
    const own = new Set(dependenciesOf(app));
    const missing = new Set<string>();
    const seen = new Set<string>();
    // The bundled workspace packages are the app's devDependencies (build inputs, inside dist at run time),
    // all but those only tests use: the test support package, and the CLI the api's remote-CLI test runs.
    const testOnly = new Set(['@peerbridge/testing', '@peerbridge/cli']);
    const queue = Object.keys(manifestOf(app).devDependencies ?? {}).filter(
      (name) => name.startsWith('@peerbridge/') && !testOnly.has(name),
    );
    while (queue.length > 0) {
      const name = queue.pop() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      const dir = workspaceDirs[name];
      expect(dir, `${name} is bundled but its folder is not known to this test`).toBeDefined();
      for (const dep of dependenciesOf(dir as string)) {
        if (dep.startsWith('@peerbridge/')) queue.push(dep);
        else if (!own.has(dep)) missing.add(`${dep} (from ${name})`);
      }
    }
    expect([...missing].sort()).toEqual([]);
  });
});
