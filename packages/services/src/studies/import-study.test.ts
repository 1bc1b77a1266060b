/** The research use cases on both dialects: preview, commit, re-import no-op, concurrent imports, and who may reach a study. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPEC_CONVENTION } from '@peerbridge/refi-qda';
import { syntheticQdpx } from '@peerbridge/refi-qda/testing';
import { mappingFileSchema } from '@peerbridge/study-formats';
import { testDialects } from '@peerbridge/testing';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { aMember } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { studyRowCounts } from '../test-support/study-row-counts';
import { analyzeStudy } from './analyze-study';
import { exportStudy } from './export-study';
import { importStudy } from './import-study';
import { listStudies } from './study-read-models';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-import-study-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testDialects())('research use cases on %s', (dialect) => {
  let database: MigratedDatabase;
  let db: Db;
  let researcher: Actor;
  let colleague: Actor;
  let outsider: Actor;
  let supervisor: Actor;
  let file: string;

  beforeEach(async () => {
    database = await openMigratedDatabase(dialect);
    db = database.handle.db;
    const now = new Date().toISOString();
    for (const id of ['org-a', 'org-b'])
      await db.insertInto('organization').values({ id, name: id, created_at: now }).execute();
    researcher = await aMember(db, 'org-a', 'r-1', 'researcher');
    colleague = await aMember(db, 'org-a', 'r-2', 'researcher');
    supervisor = await aMember(db, 'org-a', 's-1', 'supervisor');
    outsider = await aMember(db, 'org-b', 'r-3', 'researcher');
    file = join(dir, 'project.qdpx');
    writeFileSync(file, syntheticQdpx(SPEC_CONVENTION));
  });
  afterEach(async () => {
    await database.close();
  });

  it('previews without writing, commits in one go, and treats the same bytes again as a no-op', async () => {
    const before = await studyRowCounts(db);
    const preview = await importStudy(db, researcher, { file, study: 'Pilot', dryRun: true });
    expect(preview.status).toBe('dry_run');
    expect(preview.counts.coded_segment).toBeGreaterThan(0);
    expect(await studyRowCounts(db)).toEqual(before);

    const committed = await importStudy(db, researcher, { file, study: 'Pilot' });
    expect(committed.status).toBe('imported');
    expect(committed.counts).toEqual(preview.counts);
    const after = await studyRowCounts(db);
    expect(after.coded_segment).toBe(committed.counts.coded_segment);
    expect(after.audit_event).toBe((before.audit_event ?? 0) + 1);

    const again = await importStudy(db, researcher, { file, study: 'Pilot' });
    expect(again.status).toBe('already_imported');
    expect(await studyRowCounts(db)).toEqual(after);
    expect((await listStudies(db, researcher)).items.map((s) => [s.name, s.segments])).toEqual([
      ['Pilot', committed.counts.coded_segment],
    ]);
    expect(after.import_run).toBe(1);
  });

  it('two imports of the same file at once: one study, one import, no doubled rows', async () => {
    const results = await Promise.allSettled([
      importStudy(db, researcher, { file, study: 'Race' }),
      importStudy(db, researcher, { file, study: 'Race' }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    const rows = await studyRowCounts(db);
    expect(rows.study).toBe(1);
    expect(rows.import_run).toBe(1);
    const segments = (fulfilled[0] as PromiseFulfilledResult<{ counts: { coded_segment: number } }>).value
      .counts.coded_segment;
    expect(rows.coded_segment).toBe(segments);
  });

  it('a study is its owner’s: colleagues, other organisations and non-researchers cannot reach it', async () => {
    await importStudy(db, researcher, { file, study: 'Mine' });
    const before = await studyRowCounts(db);
    await expect(analyzeStudy(db, colleague, { study: 'Mine' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportStudy(db, colleague, { study: 'Mine', format: 'json' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(importStudy(db, colleague, { file, study: 'Mine' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(exportStudy(db, outsider, { study: 'Mine', format: 'csv' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(importStudy(db, supervisor, { file, study: 'Other' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await listStudies(db, colleague)).items).toEqual([]);
    expect(await studyRowCounts(db)).toEqual(before);
  });

  it('saves a mapping given with saveMapping as the study’s; a later import that brings none reads with it', async () => {
    const plain = await importStudy(db, researcher, { file, study: 'Plain', dryRun: true });
    const radost = plain.unmappedCodes.find((c) => c.name === 'Radost');
    expect(radost).toBeDefined();
    const mapping = mappingFileSchema.parse({
      codes: [
        { guid: radost?.guid, indicator: 'shares_lived_experience' },
        { name: 'Radost', indicator: 'shares_lived_experience' },
      ],
    });
    const stored = () =>
      db.selectFrom('study').select('mapping').where('name', '=', 'Mapped').executeTakeFirst();
    // A preview saves nothing, not even the mapping.
    await importStudy(db, researcher, { file, study: 'Mapped', mapping, saveMapping: true, dryRun: true });
    expect(await stored()).toBeUndefined();
    const committed = await importStudy(db, researcher, {
      file,
      study: 'Mapped',
      mapping,
      saveMapping: true,
    });
    expect(committed.unmappedCodes.map((c) => c.name)).not.toContain('Radost');
    expect(JSON.parse((await stored())?.mapping ?? 'null')).toEqual(mapping);
    // Another file into the study with no mapping of its own (the CLI without --mapping): the study's is used.
    const other = join(dir, 'more-segments.csv');
    writeFileSync(other, 'document,code,start,end,text,participant\nRozhovor 3,Radost,0,5,Ahoj.,P-9\n');
    const later = await importStudy(db, researcher, { file: other, study: 'Mapped', dryRun: true });
    expect(later.unmappedCodes.map((c) => c.name)).not.toContain('Radost');
    const elsewhere = await importStudy(db, researcher, { file: other, study: 'Unmapped', dryRun: true });
    expect(elsewhere.unmappedCodes.map((c) => c.name)).toContain('Radost');
    // Without saveMapping a commit keeps the study's mapping as it was.
    await importStudy(db, researcher, { file: other, study: 'Mapped', mapping: mappingFileSchema.parse({}) });
    expect(JSON.parse((await stored())?.mapping ?? 'null')).toEqual(mapping);
  });

  it('analysis and export are audited reads of the owner’s study', async () => {
    await importStudy(db, researcher, { file, study: 'Audited' });
    const analysis = await analyzeStudy(db, researcher, { study: 'Audited' });
    expect(analysis.counts.segments).toBeGreaterThan(0);
    const exported = await exportStudy(db, researcher, { study: 'Audited', format: 'json' });
    expect(exported.study.segments.length).toBe(analysis.counts.segments);
    const actions = await db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id'])
      .orderBy('at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['study.import', 'study.analyze', 'study.export']);
    expect(new Set(actions.map((a) => a.actor_user_id))).toEqual(new Set(['r-1']));
  });
});
