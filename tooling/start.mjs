#!/usr/bin/env node
/**
 * `pnpm start`: build what the server needs (the api bundle, and the web portal when it exists), then run
 * it with the demo organisation seeded into the SQLite file, on one port. Ctrl+C stops it cleanly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`PeerBridge needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

function build(pkg) {
  const result = spawnSync('pnpm', ['--silent', '--filter', pkg, 'run', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`\nBuilding ${pkg} failed (exit ${result.status}). Did you run \`pnpm install\`?`);
    process.exit(result.status ?? 1);
  }
}

// The api bundles the workspace packages from source, so nothing else needs building first.
build('@peerbridge/api');
// better-sqlite3 built for another Node (after switching Node versions) stops here with one line that
// says so and how to fix it, before the portal build and instead of a stack trace from the server.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
  const check = spawnSync(process.execPath, [join(root, 'apps/api/dist/native-check.mjs')], {
    stdio: 'inherit',
  });
  if (check.status !== 0) process.exit(check.status ?? 1);
}
if (existsSync(join(root, 'apps/web/package.json'))) build('@peerbridge/web');
console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s; starting the server...`);

const server = spawn(process.execPath, [join(root, 'apps/api/dist/main.mjs'), '--demo'], {
  cwd: root,
  stdio: 'inherit',
  env: { LOG_LEVEL: 'warn', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
