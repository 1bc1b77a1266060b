import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cliDir = join(import.meta.dirname, '..');

describe('the built peerbridge bin', () => {
  it('builds to dist/bin.js with a shebang, runs without tsx, and keeps the exit codes', () => {
    const tsdown = JSON.parse(readFileSync(join(cliDir, 'node_modules/tsdown/package.json'), 'utf8')) as {
      bin: { tsdown: string };
    };
    const build = spawnSync(process.execPath, [join(cliDir, 'node_modules/tsdown', tsdown.bin.tsdown)], {
      cwd: cliDir,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    const bin = join(cliDir, 'dist/bin.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const help = spawnSync(process.execPath, [bin, '--help'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: peerbridge');
    const codebook = spawnSync(process.execPath, [bin, 'codebook', 'export', '--format', 'csv'], {
      encoding: 'utf8',
    });
    expect(codebook.status).toBe(0);
    expect(codebook.stdout.split('\r\n').length).toBeGreaterThan(40);
    const missing = spawnSync(
      process.execPath,
      [
        bin,
        'import',
        '/nonexistent/x.qdpx',
        '--study',
        's',
        '--db',
        '/nonexistent-dir/db.sqlite',
        '--dry-run',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('/nonexistent/x.qdpx');
  }, 60_000);
});
