/**
 * The package as an outside developer gets it: build, pack, lint the tarball (publint, attw), install
 * it into a fresh project outside the workspace, typecheck an example against its types and run it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(packageDir, 'node_modules', '.bin', name);
const tsc = createRequire(join(packageDir, 'package.json')).resolve('typescript/bin/tsc');

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, NO_COLOR: '1' },
      // A hung child (a registry that never answers) fails here naming the command, instead of blocking
      // the worker until CI's own limit.
      timeout: 150_000,
      killSignal: 'SIGKILL',
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${err.stdout ?? ''}\n${err.stderr ?? ''}\n${err.message}`,
    );
  }
}

const example = `import { assess, catalog, defaultRuleset, krippendorffAlpha, type Assessment } from '@peerbridge/domain';

const assessment: Assessment = assess({
  asOf: '2026-11-26',
  worker: { id: 'w1', startedOn: '2026-07-20', unitId: 'u1' },
  unit: { id: 'u1', setting: 'community' },
  observations: [
    { id: 'o1', workerId: 'w1', indicator: 'after_hours_client_contact', value: 8, observedAt: '2026-11-01', source: 'supervision' },
    { id: 'o2', workerId: 'w1', indicator: 'private_number_shared', value: true, observedAt: '2026-11-01', source: 'supervision' },
    { id: 'o3', workerId: 'w1', indicator: 'work_intrudes_personal_life', value: 4, observedAt: '2026-11-01', source: 'self_report' },
  ],
  sessions: [{ heldOn: '2026-09-10' }],
  ruleset: defaultRuleset,
});
// Krippendorff (2011), 4 coders x 12 units: nominal alpha 0.743.
const alpha = krippendorffAlpha(
  [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ],
  { level: 'nominal' },
);
console.log(
  JSON.stringify({
    roles: Object.keys(catalog.roles).length,
    ruleset: defaultRuleset.version,
    fvp: assessment.conflicts.friend_vs_professional.level,
    alpha: alpha === null ? null : Math.round(alpha * 1000) / 1000,
  }),
);
`;

// A deliberate type error: the consumer must get the package's types, not \`any\`.
const misuse = `import { krippendorffAlpha } from '@peerbridge/domain';
krippendorffAlpha([[1, 2]], { level: 'nominall' });
`;

describe('the published package', () => {
  let work: string;
  let tarball: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'peerbridge-domain-pack-'));
    run(bin('tsdown'), [], packageDir);
    run('pnpm', ['pack', '--pack-destination', work], packageDir);
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (tgz === undefined) throw new Error(`pnpm pack wrote no tarball into ${work}`);
    tarball = join(work, tgz);
  }, 180_000);

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('holds only the build, the readme, the licence and a manifest pointing at dist', () => {
    const files = run('tar', ['-tzf', tarball], work).trim().split('\n').sort();
    expect(files).toEqual([
      'package/LICENSE',
      'package/README.md',
      'package/dist/index.d.ts',
      'package/dist/index.js',
      'package/package.json',
    ]);
    const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], work)) as {
      exports: Record<string, unknown>;
      dependencies: Record<string, string>;
    };
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(Object.keys(manifest.dependencies)).toEqual(['uuid', 'zod']);
    expect(JSON.stringify(manifest)).not.toMatch(/catalog:|workspace:/);
    const js = run('tar', ['-xzOf', tarball, 'package/dist/index.js'], work);
    expect(js).not.toMatch(/from\s*["']node:/);
  });

  it('passes publint', () => {
    const out = run(bin('publint'), ['run', tarball, '--strict'], work);
    expect(out).toContain('All good!');
  });

  it('passes are-the-types-wrong for an ESM-only package', () => {
    // esm-only: CommonJS require() of an ESM-only package is expected, not a problem.
    const out = run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], work);
    const report = JSON.parse(out) as { analysis: { problems: unknown[] } };
    expect(
      report.analysis.problems.filter((p) => (p as { kind: string }).kind !== 'CJSResolvesToESM'),
    ).toEqual([]);
  });

  it('installs outside the workspace, typechecks an example against its types and runs it', () => {
    const consumer = join(work, 'consumer');
    mkdirSync(consumer);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    // pnpm reuses its local store, so only missing packages (zod, uuid) come from the registry.
    run('pnpm', ['add', tarball, '--prefer-offline', '--ignore-workspace'], consumer);
    writeFileSync(join(consumer, 'example.ts'), example);
    writeFileSync(join(consumer, 'misuse.ts'), misuse);
    // One compiler run for both files (tsc emits despite errors): the example must compile cleanly against the
    // package's own types, and the deliberate misuse must be its only error.
    const compilerOptions = {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      lib: ['ES2023', 'DOM'],
      types: [],
      outDir: 'out',
      skipLibCheck: false,
    };
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['example.ts', 'misuse.ts'] }),
    );
    const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], {
      cwd: consumer,
      encoding: 'utf8',
      timeout: 150_000,
    });
    const errors = compiled.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors, compiled.stdout + compiled.stderr).toHaveLength(1);
    expect(errors[0]).toMatch(/^misuse\.ts\(2,.*nominall/);

    const output = run(process.execPath, [join(consumer, 'out', 'example.js')], consumer).trim();
    const result = JSON.parse(output) as { roles: number; ruleset: string; fvp: string; alpha: number };
    expect(result.roles).toBe(4);
    expect(result.ruleset).toMatch(/^\d+\.\d+\.\d+$/);
    expect(['active', 'severe']).toContain(result.fvp);
    expect(result.alpha).toBe(0.743);
  });
}, 300_000);
