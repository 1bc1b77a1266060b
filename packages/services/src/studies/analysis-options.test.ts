/**
 * The analysis choices (issue 13 item 5) on a synthetic two-coder study, through `analyzeStudy` (the CLI's
 * use case) and the portal's `studyAgreement` / `studyCoOccurrence`: the unit changes the numbers as the
 * domain predicts, coverage and the mostly-uncoded warning follow the unit, co-occurrence pairs one coder's
 * segments unless across-coders is asked for, and a bad choice is refused naming the expected values.
 */
import { unitizingAlpha } from '@peerbridge/domain';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { analyzeStudy } from './analyze-study';
import { studyAgreement, studyCoOccurrence } from './study-read-models';

// Paragraphs: 5. Sentences: "We talk." "We call." "Calls at night." "Nothing else." "No more." "The end."
const TEXT = 'We talk. We call.\nCalls at night.\nNothing else.\nNo more.\nThe end.';
const L = TEXT.length;

describe.each(testDialects())('analysis choices on %s', (dialect) => {
  let database: MigratedDatabase;
  let db: Db;
  const owner: Actor = { userId: 'r-1', organizationId: 'org-a', roles: ['researcher'] };

  beforeAll(async () => {
    database = await openMigratedDatabase(dialect);
    db = database.handle.db;
    const now = new Date().toISOString();
    await db.insertInto('organization').values({ id: 'org-a', name: 'Org A', created_at: now }).execute();
    await db
      .insertInto('user')
      .values({
        id: 'r-1',
        name: 'Researcher',
        email: 'r-1@example.test',
        emailVerified: 0,
        image: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db
      .insertInto('membership')
      .values({ id: 'm-1', organization_id: 'org-a', user_id: 'r-1', role: 'researcher', created_at: now })
      .execute();
    await db
      .insertInto('study')
      .values({ id: 'st-1', organization_id: 'org-a', name: 'Pilot', owner_user_id: 'r-1', created_at: now })
      .execute();
    await db
      .insertInto('document')
      .values({ id: 'd-1', study_id: 'st-1', source_guid: 'g-1', name: 'Interview', text: TEXT })
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
        // Coder A: Team on "We talk.", Calls on "Calls at night."
        seg('s1', 'c-1', 0, 8, 'Coder A'),
        seg('s2', 'c-2', 18, 33, 'Coder A'),
        // Coder B: Team on "We call.", Calls on "We talk." and on "call." inside its own Team segment.
        seg('s3', 'c-1', 9, 17, 'Coder B'),
        seg('s4', 'c-2', 0, 8, 'Coder B'),
        seg('s5', 'c-2', 12, 17, 'Coder B'),
      ])
      .execute();
  });
  afterAll(async () => {
    await database?.close();
  });

  const team = async (unit?: 'paragraph' | 'sentence' | 'document' | 'character') => {
    const a = await analyzeStudy(db, owner, { study: 'Pilot', ...(unit ? { unit } : {}) });
    return { a, team: a.agreement?.codes.find((c) => c.code === 'Team') };
  };

  it('measures paragraphs by default: both coders coded the first one, so Team agrees fully; 3 of 5 uncoded warns', async () => {
    const { a, team: t } = await team();
    expect(a.agreement?.unit).toBe('paragraph');
    expect(t).toMatchObject({ units: 5, percentAgreement: 1, cohenKappa: 1 });
    expect(a.agreement?.unitCount).toBe(5);
    expect(a.agreement?.uncodedShare).toBeCloseTo(3 / 5, 12);
    expect(a.agreement?.warnings.map((w) => w.code)).toEqual(['mostly_uncoded']);
    expect(a.agreement?.coverage).toEqual([
      { coderId: 'Coder A', documents: 1, units: 5, codedUnits: 2, coverage: 2 / 5 },
      { coderId: 'Coder B', documents: 1, units: 5, codedUnits: 1, coverage: 1 / 5 },
    ]);
  });

  it('on sentences the two Team segments are different units: 4 of 6 agree, kappa -0.2, half uncoded: no warning', async () => {
    const { a, team: t } = await team('sentence');
    expect(a.agreement?.unit).toBe('sentence');
    expect(t?.units).toBe(6);
    expect(t?.percentAgreement).toBeCloseTo(4 / 6, 12);
    expect(t?.cohenKappa).toBeCloseTo(-0.2, 12);
    expect(a.agreement?.uncodedShare).toBeCloseTo(3 / 6, 12);
    expect(a.agreement?.warnings).toEqual([]);
    expect(a.agreement?.coverage.map((c) => [c.coderId, c.codedUnits, c.units])).toEqual([
      ['Coder A', 2, 6],
      ['Coder B', 2, 6],
    ]);
  });

  it('on the whole document both coded Team: one unit, full agreement, nothing uncoded', async () => {
    const { a, team: t } = await team('document');
    expect(t).toMatchObject({ units: 1, percentAgreement: 1 });
    expect(a.agreement?.uncodedShare).toBe(0);
    expect(a.agreement?.warnings).toEqual([]);
  });

  it('on characters alpha is the domain’s unitizing alpha (cu-alpha) per code, coverage counts characters', async () => {
    const { a, team: t } = await team('character');
    const expected = unitizingAlpha({
      length: L,
      coders: ['Coder A', 'Coder B'],
      spans: [
        { coder: 'Coder A', start: 0, end: 8 },
        { coder: 'Coder B', start: 9, end: 17 },
      ],
    }).alpha;
    expect(expected).not.toBeNull();
    expect(t?.krippendorffAlpha).toBe(expected);
    expect(t?.units).toBe(L);
    // No character of Team is coded by both: agreement is the characters both left alone.
    expect(t?.percentAgreement).toBeCloseTo((L - 16) / L, 12);
    expect(a.agreement?.coverage.map((c) => [c.coderId, c.codedUnits, c.units])).toEqual([
      ['Coder A', 8 + 15, L],
      ['Coder B', 8 + 8, L],
    ]);
    expect(a.agreement?.uncodedShare).toBeCloseTo((L - 8 - 8 - 15) / L, 12);
    expect(a.agreement?.warnings.map((w) => w.code)).toEqual(['mostly_uncoded']);
  });

  it('the portal’s agreement gives the same numbers for each unit', async () => {
    for (const unit of ['paragraph', 'sentence', 'document', 'character'] as const) {
      const portal = await studyAgreement(db, owner, { studyId: 'st-1', unit });
      const { a } = await team(unit);
      expect(portal.unit).toBe(unit);
      expect(portal.coverage).toEqual(a.agreement?.coverage);
      expect(portal.warnings).toEqual(a.agreement?.warnings);
      const portalCodes = portal.codes
        .map((c) =>
          [portal.codeNames[c.codeId], c.pairableUnits, c.percentAgreement, c.krippendorffAlpha].join('|'),
        )
        .sort();
      const cliCodes = (a.agreement?.codes ?? [])
        .map((c) => [c.code, c.units, c.percentAgreement, c.krippendorffAlpha].join('|'))
        .sort();
      expect(portalCodes).toEqual(cliCodes);
    }
  });

  it('pairs only one coder’s segments by default; across coders counts A’s Team on B’s Calls too', async () => {
    const within = await analyzeStudy(db, owner, { study: 'Pilot' });
    expect(within.coOccurrenceMode).toBe('within-coder');
    // Only B's Team [9,17) and B's Calls [12,17) overlap within one coder.
    expect(within.coOccurrence).toEqual([{ codeA: 'Calls', codeB: 'Team', n1: 3, n2: 2, n12: 1, c: 1 / 4 }]);
    const across = await analyzeStudy(db, owner, { study: 'Pilot', coOccurrence: 'across-coders' });
    expect(across.coOccurrenceMode).toBe('across-coders');
    expect(across.coOccurrence).toEqual([{ codeA: 'Calls', codeB: 'Team', n1: 3, n2: 2, n12: 2, c: 2 / 3 }]);
    const portalWithin = await studyCoOccurrence(db, owner, { studyId: 'st-1' });
    const portalAcross = await studyCoOccurrence(db, owner, {
      studyId: 'st-1',
      coOccurrence: 'across-coders',
    });
    expect([portalWithin.mode, portalWithin.rows.map((r) => r.n12)]).toEqual(['within-coder', [1]]);
    expect([portalAcross.mode, portalAcross.rows.map((r) => r.n12)]).toEqual(['across-coders', [2]]);
  });

  it('refuses a bad unit or co-occurrence mode naming the field and the expected values, auditing nothing', async () => {
    const audits = async () =>
      Number(
        (
          await db
            .selectFrom('audit_event')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await audits();
    await expect(
      analyzeStudy(db, owner, { study: 'Pilot', unit: 'word' as 'paragraph' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/unit.*expected one of paragraph, sentence, document, character/),
    });
    await expect(
      studyAgreement(db, owner, { studyId: 'st-1', unit: 'line' as 'paragraph' }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/unit/) });
    await expect(
      studyCoOccurrence(db, owner, { studyId: 'st-1', coOccurrence: 'all' as 'within-coder' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/coOccurrence.*expected one of within-coder, across-coders/),
    });
    expect(await audits()).toBe(before);
  });
});
