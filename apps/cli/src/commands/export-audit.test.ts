/**
 * Issue 9: the CLI's `export` is an audited read. Each export, in each format, with or without
 * pseudonyms, leaves one `study.export` event naming the study, the format and whether it was
 * pseudonymised, through the CLI (`via`), and the chain still verifies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, verifyAuditChain } from '@peerbridge/db';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { czechMappingYaml, czechProject } from '../../test/builders/czech-project';
import { writeQdpx } from '../../test/builders/refi-project';
import { initializedDatabase, runCli } from '../../test/cli-harness';
import { createTestContext } from '../context';
import { importFile } from './import';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-export-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const czechFile = join(dir, 'czech.qdpx');
const mappingFile = join(dir, 'mapping.yaml');
const keyFile = join(dir, 'key');

beforeAll(async () => {
  await writeQdpx(czechFile, czechProject);
  writeFileSync(mappingFile, czechMappingYaml);
  writeFileSync(keyFile, 'a-test-key-of-more-than-thirty-two-bytes-length\n');
});

describe.each(testDialects())('peerbridge export is audited on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase(dialect);
    await importFile(
      { db: database.url, file: czechFile, study: 'czech', mapping: mappingFile, dryRun: false },
      createTestContext(),
    );
  });
  afterAll(async () => {
    await database.drop();
  });

  it('leaves one study.export event per export, naming format and pseudonymisation', async () => {
    const runs = [
      ['--format', 'json'],
      ['--format', 'csv'],
      ['--format', 'json', '--pseudonymize', '--key-file', keyFile],
    ];
    for (const extra of runs) {
      const run = await runCli(['--db', database.url, 'export', '--study', 'czech', ...extra]);
      expect(run.code).toBe(0);
    }
    const handle = await openDatabase({ url: database.url });
    try {
      const events = await handle.db
        .selectFrom('audit_event')
        .select(['entity_type', 'details'])
        .where('action', '=', 'study.export')
        .orderBy('seq')
        .execute();
      expect(events.map((e) => e.entity_type)).toEqual(['study', 'study', 'study']);
      const details = events.map((e) => JSON.parse(e.details) as Record<string, unknown>);
      expect(details.map((d) => [d.format, d.pseudonymized])).toEqual([
        ['json', false],
        ['csv', false],
        ['json', true],
      ]);
      expect(details.every((d) => typeof d.via === 'string')).toBe(true);
      expect((await verifyAuditChain(handle.db)).ok).toBe(true);
    } finally {
      await handle.destroy();
    }
  });
});
