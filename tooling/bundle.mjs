#!/usr/bin/env node
/**
 * `pnpm bundle <dir>`: a self-contained server in <dir> for a machine without the dev toolchain. It runs
 * `pnpm deploy --prod` (the api's production dependencies, better-sqlite3 built for this Node), then builds
 * the api into <dir>/dist, the portal into <dir>/web and the `peerbridge` CLI into <dir>/cli. In <dir>, `pnpm start` (or `node dist/main.mjs`)
 * then serves as the README's start command does; drop `--demo` from the start script for real data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2];
if (target === undefined) {
  console.error('usage: pnpm bundle <empty or missing directory>');
  process.exit(2);
}
const dir = resolve(process.cwd(), target);
if (existsSync(dir) && readdirSync(dir).length > 0) {
  console.error(`pnpm bundle: ${dir} is not empty; give an empty or missing directory`);
  process.exit(2);
}

function run(what, args) {
  // No stdin: pnpm must never wait for an answer to a prompt (it would hang a CI run).
  const result = spawnSync('pnpm', args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`pnpm bundle: ${what} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

// The deploy installs from the workspace lockfile (so the bundle gets exactly the tested versions) and
// --offline from the store that `pnpm install` filled: it never resolves or fetches, which hung a CI run.
// The workspace packages are devDependencies, bundled into dist by tsdown, so only npm packages are installed.
// inject-workspace-packages is set for this command only: pnpm's lockfile-based deploy asks for it.
const deploy = [
  'deploy',
  '--prod',
  '--offline',
  '--config.inject-workspace-packages=true',
  '--config.confirm-modules-purge=false',
];
run('pnpm deploy', ['--filter', '@peerbridge/api', ...deploy, dir]);
// Built straight into the bundle, so the repository's own dist folders are never touched.
run('building the api', ['--filter', '@peerbridge/api', 'exec', 'tsdown', '--out-dir', join(dir, 'dist')]);
const web = [
  '--filter',
  '@peerbridge/web',
  'exec',
  'vite',
  'build',
  '--outDir',
  join(dir, 'web'),
  '--emptyOutDir',
];
run('building the portal', web);
// The `peerbridge` command line (backups, audit verify, migrations) in <dir>/cli, the same way.
const cli = join(dir, 'cli');
run('pnpm deploy of the CLI', ['--filter', '@peerbridge/cli', ...deploy, cli]);
run('building the CLI', ['--filter', '@peerbridge/cli', 'exec', 'tsdown', '--out-dir', join(cli, 'dist')]);
console.log(
  `pnpm bundle: ${dir} is ready; start it there with \`pnpm start\` (demo data) or \`node dist/main.mjs\`; the CLI is \`node cli/dist/bin.js\``,
);
