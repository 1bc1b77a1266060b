/**
 * The built server bundles the workspace packages but leaves npm packages external, resolved from
 * apps/api/node_modules (tsdown.config.ts). So every npm dependency of a bundled workspace package must
 * also be a dependency of apps/api, or `pnpm start` dies with ERR_MODULE_NOT_FOUND.
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

function dependenciesOf(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(resolve(root, dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(manifest.dependencies ?? {});
}

describe('the api bundle', () => {
  it('lists every npm dependency of the workspace packages it bundles', () => {
    const own = new Set(dependenciesOf('apps/api'));
    const missing = new Set<string>();
    const seen = new Set<string>();
    const queue = dependenciesOf('apps/api').filter((name) => name.startsWith('@peerbridge/'));
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
