/**
 * The research view's analyses read the study on the runner's connection (issue 10): the services check
 * ownership on the caller's connection, and that connection reads the `study` row and nothing else
 * of the study, no segment, text or observation. Texts are read in chunks that cut no character.
 */
import { openReadOnlyDatabase, type ReadOnlyDatabase } from '@peerbridge/db';
import { testDialects } from '@peerbridge/testing';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { aMember } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { readDocumentTexts } from './analysis-inputs';
import { type AnalysisRunner, inProcessAnalysis } from './analysis-runner';
import { studyAgreement, studyCohort, studyCoOccurrence } from './study-read-models';

/** The tables every query on a connection names (a plugin sees each query before it runs). */
function recordTables(db: Db): { db: Db; tables: Set<string> } {
  const tables = new Set<string>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.kind === 'TableNode') {
      const name = (n.table as { identifier?: { name?: string } } | undefined)?.identifier?.name;
      if (name) tables.add(name);
    }
    for (const value of Object.values(n)) walk(value);
  };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      walk(args.node);
      return args.node as RootOperationNode;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), tables };
}

const TEXT =
  'Erste Zeile 😀 über das Team.\r\n\r\n  \t\nSecond paragraph\u00a0about clients.\nŽ\n\n😀😀 last';

describe.each(testDialects())('analysis reads on %s', (dialect) => {
  let database: MigratedDatabase;
  let db: Db;
  let reader: ReadOnlyDatabase;
  const owner: Actor = { userId: 'r-1', organizationId: 'org-a', roles: ['researcher'] };
  const colleague: Actor = { userId: 'r-2', organizationId: 'org-a', roles: ['researcher'] };

  beforeAll(async () => {
    database = await openMigratedDatabase(dialect);
    db = database.handle.db;
    const now = new Date().toISOString();
    await db.insertInto('organization').values({ id: 'org-a', name: 'Org A', created_at: now }).execute();
    for (const id of ['r-1', 'r-2']) await aMember(db, 'org-a', id, 'researcher');
    await db
      .insertInto('study')
      .values({ id: 'st-1', organization_id: 'org-a', name: 'Pilot', owner_user_id: 'r-1', created_at: now })
      .execute();
    await db
      .insertInto('participant')
      .values({
        id: 'p-1',
        study_id: 'st-1',
        external_ref: 'case-1',
        pseudonym: 'P-01',
        setting: 'inpatient',
      })
      .execute();
    await db
      .insertInto('document')
      .values({
        id: 'd-1',
        study_id: 'st-1',
        source_guid: 'g-1',
        name: 'Interview',
        text: TEXT,
        participant_id: 'p-1',
      })
      .execute();
    await db
      .insertInto('code')
      .values([
        { id: 'c-1', study_id: 'st-1', guid: 'cg-1', name: 'Team', parent_id: null, indicator: null },
        { id: 'c-2', study_id: 'st-1', guid: 'cg-2', name: 'Calls', parent_id: null, indicator: null },
      ])
      .execute();
    const seg = (id: string, code: string, start: number, end: number, coder: string) => ({
      id,
      study_id: 'st-1',
      document_id: 'd-1',
      code_id: code,
      selection_guid: `sel-${id}`,
      start_offset: start,
      end_offset: end,
      coder,
      created_at_source: null,
    });
    await db
      .insertInto('coded_segment')
      .values([
        seg('s1', 'c-1', 0, 10, 'coder-1'),
        seg('s2', 'c-2', 40, 60, 'coder-1'),
        seg('s3', 'c-1', 2, 12, 'coder-2'),
        seg('s4', 'c-2', 45, 50, 'coder-2'),
      ])
      .execute();
    await db
      .insertInto('study_observation')
      .values({
        id: 'o-1',
        study_id: 'st-1',
        participant_id: 'p-1',
        document_id: 'd-1',
        coded_segment_id: 's1',
        indicator: 'invited_to_team_meetings',
        value: 1,
        observed_at: '2026-11-02',
        source: 'interview',
      })
      .execute();
    reader = await openReadOnlyDatabase(database.url);
  });
  afterAll(async () => {
    await reader?.destroy();
    await database?.close();
  });

  it('reads the same text in chunks of any size as stored, no character cut, offsets in UTF-16 units', async () => {
    for (const size of [1, 2, 3, 5, 7, 16, 1_000_000])
      expect(await readDocumentTexts(reader.db, 'st-1', size), `chunks of ${size}`).toEqual([
        { id: 'd-1', text: TEXT },
      ]);
  });

  it('reads only the study row on the caller’s connection when the runner has its own', async () => {
    const elsewhere = inProcessAnalysis(reader.db);
    const main = recordTables(db);
    const agreement = await studyAgreement(main.db, owner, { studyId: 'st-1' }, elsewhere);
    const co = await studyCoOccurrence(main.db, owner, { studyId: 'st-1' }, elsewhere);
    const cohort = await studyCohort(main.db, owner, { studyId: 'st-1' }, elsewhere);
    expect([...main.tables]).toEqual(['study']);
    // The same answers as everything read on the caller's connection (which then reads it all).
    const control = recordTables(db);
    expect(await studyAgreement(control.db, owner, { studyId: 'st-1' })).toEqual(agreement);
    expect(await studyCoOccurrence(control.db, owner, { studyId: 'st-1' })).toEqual(co);
    expect(await studyCohort(control.db, owner, { studyId: 'st-1' })).toEqual(cohort);
    expect(agreement.coders).toEqual(['coder-1', 'coder-2']);
    for (const table of ['coded_segment', 'document', 'study_observation', 'participant'])
      expect(control.tables.has(table), table).toBe(true);
  });

  it('dispatches nothing for a study the actor does not own: NOT_FOUND, the runner never called', async () => {
    const calls: string[] = [];
    const inner = inProcessAnalysis(reader.db);
    const counting: AnalysisRunner = {
      agreement: (input) => {
        calls.push(input.studyId);
        return inner.agreement(input);
      },
      coOccurrence: (input) => {
        calls.push(input.studyId);
        return inner.coOccurrence(input);
      },
      cohort: (input) => {
        calls.push(input.studyId);
        return inner.cohort(input);
      },
    };
    for (const call of [
      () => studyAgreement(db, colleague, { studyId: 'st-1' }, counting),
      () => studyCoOccurrence(db, colleague, { studyId: 'st-1' }, counting),
      () => studyCohort(db, colleague, { studyId: 'st-1' }, counting),
      () => studyAgreement(db, owner, { studyId: 'st-missing' }, counting),
    ])
      await expect(call()).rejects.toMatchObject({ code: 'not_found' });
    expect(calls).toEqual([]);
  });
});
