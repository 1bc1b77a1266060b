import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test/cli-harness';

describe('the peerbridge command line', () => {
  it.each([
    [[]],
    [['init']],
    [['migrate']],
    [['users', 'add']],
    [['import']],
    [['codebook', 'export']],
    [['analyze']],
    [['export']],
    [['backup']],
    [['audit', 'verify']],
  ])('prints help for %j with --help and exits 0', async (command) => {
    const run = await runCli([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: peerbridge');
  });

  it('lists the exit codes in the main help', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toMatch(/Exit codes:[\s\S]*2 +invalid input[\s\S]*70 +internal error/);
  });

  it('exits 1 on an unknown command, an unknown option, a missing option and a bad choice', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(1);
    expect((await runCli(['codebook', 'export', '--bogus'])).code).toBe(1);
    const missing = await runCli(['analyze']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("required option '--study <name>'");
    expect((await runCli(['codebook', 'export', '--format', 'docx'])).code).toBe(1);
  });

  it('writes the codebook as .qdc on stdout by default, and as JSON and CSV', async () => {
    const qdc = await runCli(['codebook', 'export']);
    expect(qdc.code).toBe(0);
    expect(qdc.stdout).toMatch(/^<\?xml[^>]*>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
    expect((qdc.stdout.match(/isCodable="true"/g) ?? []).length).toBe(34);
    const json = JSON.parse(
      (await runCli(['codebook', 'export', '--format', 'json', '--lang', 'cs'])).stdout,
    );
    expect(json.codes.filter((c: { indicatorId: string | null }) => c.indicatorId !== null)).toHaveLength(34);
    expect(json.locale).toBe('cs');
    const csv = await runCli(['codebook', 'export', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'guid,parent_guid,path,depth,name,indicator_id,is_codable,color,description',
    );
  });

  it('with --json and no --out puts the codebook inside the one JSON document', async () => {
    const run = await runCli(['--json', 'codebook', 'export', '--format', 'csv']);
    const parsed = JSON.parse(run.stdout);
    expect(parsed).toMatchObject({ ok: true, format: 'csv', out: null, codes: expect.any(Number) });
    expect(parsed.content.startsWith('guid,parent_guid')).toBe(true);
  });

  it('writes --out files and reports them, as JSON with --json', async () => {
    const out = join(tmpdir(), `peerbridge-codebook-${process.pid}.qdc`);
    const run = await runCli(['--json', 'codebook', 'export', '--out', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, format: 'qdc', out, indicators: 34 });
    expect(readFileSync(out, 'utf8')).toContain('<CodeBook');
    rmSync(out);
    const missingDir = await runCli(['codebook', 'export', '--out', '/nonexistent-dir/x.qdc']);
    expect(missingDir.code).toBe(3);
  });
});
