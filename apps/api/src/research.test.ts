/** The researcher's study view through the api: cohort, co-occurrence and agreement from the domain analytics. */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

describe.each(testDialects())('study view on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let client: TestClient;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a } = await seedTwoOrganizations(api.handle));
    const jar = new CookieJar();
    await signIn(api.baseUrl, jar, a.users.researcher.email, PASSWORD);
    client = trpcClient(api.baseUrl, jar);
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists only the studies the researcher owns, with their sizes', async () => {
    expect(await client.research.studies.query()).toMatchObject({
      items: [{ id: a.studyId, participants: 2, documents: 1, segments: 4 }],
      nextCursor: null,
    });
  });

  it('summarises the cohort; the stored labels are the owner’s originalLabels, never called pseudonyms', async () => {
    const cohort = await client.research.cohort.query({ studyId: a.studyId });
    expect(cohort.participants).toHaveLength(2);
    expect(Object.values(cohort.originalLabels).sort()).toEqual(['P-01', 'P-02']);
    expect(cohort).not.toHaveProperty('pseudonyms');
    const p1 = cohort.participants.find((p) => p.id === 'a-p1');
    expect(p1?.setting).toBe('inpatient');
  });

  it('counts overlapping codes and the agreement of the two coders', async () => {
    const co = await client.research.coOccurrence.query({ studyId: a.studyId });
    // coder-1 coded both codes over [10, 20): one co-occurrence.
    expect(co.rows).toEqual([expect.objectContaining({ codeA: 'a-c1', codeB: 'a-c2', n12: 1 })]);
    expect(co.codeNames['a-c1']).toBe('Team meetings');
    const agreement = await client.research.agreement.query({ studyId: a.studyId });
    expect(agreement.coders).toEqual(['coder-1', 'coder-2']);
    expect(agreement.codes.map((c) => c.codeId).sort()).toEqual(['a-c1', 'a-c2']);
  });

  it('shows each code’s and document’s note count, and refuses a set the study does not have by field', async () => {
    const index = await client.research.notesIndex.query({ studyId: a.studyId });
    expect(index).toMatchObject({ pseudonymized: false, projectNotes: 0, sets: [], set: null });
    expect(index.codes.map((c) => [c.id, c.notes]).sort()).toEqual([
      ['a-c1', 0],
      ['a-c2', 0],
    ]);
    expect(index.documents.map((d) => d.segments)).toEqual([4]);
    expect((await client.research.notes.query({ studyId: a.studyId, about: 'project' })).items).toEqual([]);
    await expect(
      client.research.agreement.query({ studyId: a.studyId, setId: 'no-such-set' }),
    ).rejects.toThrow(/setId/);
  });
});
