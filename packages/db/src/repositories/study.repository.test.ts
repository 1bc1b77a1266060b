import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anOrganization,
  aUser,
  type MigratedTestDatabase,
  openMigratedTestDatabase,
} from '../migrated-test-database';
import {
  createStudy,
  deleteStudy,
  findStudyByName,
  getStudyWithCounts,
  listStudies,
} from './study.repository';
import { listImportRuns, type StudyImportBundle, writeStudyImport } from './study-import.repository';
import {
  getDocument,
  listCodedSegments,
  listCodes,
  listDocuments,
  listParticipants,
  listStudyObservations,
} from './study-read.repository';

/** A small synthetic project: two interviews, a parent code with two children, four segments. */
function aBundle(sha = 'f'.repeat(64)): StudyImportBundle {
  const [p1, p2, d1, d2, root, c1, c2] = Array.from({ length: 7 }, () => randomUUID()) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const segments = [
    {
      id: randomUUID(),
      documentId: d1,
      codeId: c1,
      selectionGuid: 'SEL-1',
      startOffset: 0,
      endOffset: 12,
      coder: 'coder-a',
    },
    {
      id: randomUUID(),
      documentId: d1,
      codeId: c2,
      selectionGuid: 'SEL-2',
      startOffset: 5,
      endOffset: 20,
      coder: 'coder-a',
    },
    {
      id: randomUUID(),
      documentId: d2,
      codeId: c1,
      selectionGuid: 'SEL-3',
      startOffset: 3,
      endOffset: 9,
      coder: 'coder-b',
    },
    { id: randomUUID(), documentId: d2, codeId: c1, selectionGuid: 'SEL-4', startOffset: 0, endOffset: 4 },
  ];
  return {
    run: { id: randomUUID(), fileName: 'roles.qdpx', fileSha256: sha, format: 'qdpx' },
    participants: [
      {
        id: p1,
        externalRef: 'CASE-1',
        pseudonym: 'P01',
        setting: 'community',
        attributes: { tenureMonths: 4 },
      },
      { id: p2, externalRef: 'CASE-2', pseudonym: 'P02', setting: 'inpatient' },
    ],
    documents: [
      {
        id: d1,
        sourceGuid: 'DOC-1',
        name: 'Interview 1',
        text: 'A synthetic interview about evening calls.',
        participantId: p1,
      },
      {
        id: d2,
        sourceGuid: 'DOC-2',
        name: 'Interview 2',
        text: 'Ward meetings happen without me.',
        participantId: p2,
      },
    ],
    // Children listed before their parent: the writer must order them.
    codes: [
      {
        id: c1,
        guid: 'C-1',
        name: 'After-hours contact',
        parentId: root,
        indicator: 'after_hours_client_contact',
      },
      { id: c2, guid: 'C-2', name: 'Meetings', parentId: root, indicator: 'invited_to_team_meetings' },
      { id: root, guid: 'C-0', name: 'Roles', isCodable: false },
    ],
    segments,
    observations: [
      {
        id: randomUUID(),
        participantId: p1,
        indicator: 'after_hours_client_contact',
        value: 1,
        observedAt: '2026-03-01',
        codedSegmentId: segments[0]!.id,
        documentId: d1,
      },
      {
        id: randomUUID(),
        participantId: p2,
        indicator: 'invited_to_team_meetings',
        value: false,
        observedAt: '2026-03-02',
      },
    ],
    report: { warnings: [] },
  };
}

describe.each(testDialects())('study repositories on %s', (dialect) => {
  let t: MigratedTestDatabase;
  let org: string;
  let otherOrg: string;
  let owner: string;
  let colleague: string;

  beforeAll(async () => {
    t = await openMigratedTestDatabase(dialect);
    org = await anOrganization(t.db);
    otherOrg = await anOrganization(t.db);
    owner = await aUser(t.db);
    colleague = await aUser(t.db);
  });
  afterAll(() => t.close());

  it('creates studies with names unique per organisation and lists them by owner', async () => {
    const a = await createStudy(t.db, org, { name: 'Roles 2026', ownerUserId: owner });
    await createStudy(t.db, org, { name: 'boundaries pilot', ownerUserId: colleague });
    await createStudy(t.db, otherOrg, { name: 'Roles 2026', ownerUserId: owner });
    await expect(createStudy(t.db, org, { name: 'Roles 2026', ownerUserId: colleague })).rejects.toThrow(
      /unique|duplicate/i,
    );
    expect((await listStudies(t.db, org)).map((s) => s.name)).toEqual(['boundaries pilot', 'Roles 2026']);
    expect((await listStudies(t.db, org, { ownerUserId: owner })).map((s) => s.id)).toEqual([a.id]);
    expect(await findStudyByName(t.db, org, 'Roles 2026')).toEqual(a);
  });

  it('writes a whole import in one go and reports its counts', async () => {
    const study = await createStudy(t.db, org, { name: 'Import target', ownerUserId: owner });
    const bundle = aBundle();
    const result = await writeStudyImport(t.db, org, study.id, bundle);
    expect(result).toEqual({
      status: 'imported',
      runId: bundle.run.id,
      counts: { participants: 2, documents: 2, codes: 3, segments: 4, observations: 2 },
    });
    expect(await getStudyWithCounts(t.db, org, study.id)).toMatchObject({
      participants: 2,
      documents: 2,
      codes: 3,
      codedSegments: 4,
      observations: 2,
      imports: 1,
    });
    const [run] = await listImportRuns(t.db, org, study.id);
    expect(run).toMatchObject({ status: 'succeeded', fileSha256: 'f'.repeat(64) });
    expect(run?.report).toMatchObject({ warnings: [], counts: { segments: 4 } });
  });

  it('reports a re-import of the same file as a duplicate and writes nothing', async () => {
    const study = await findStudyByName(t.db, org, 'Import target');
    const again = await writeStudyImport(t.db, org, study!.id, aBundle());
    expect(again.status).toBe('duplicate');
    expect((await getStudyWithCounts(t.db, org, study!.id))?.codedSegments).toBe(4);
  });

  it('writes nothing at all when one row of an import is bad', async () => {
    const study = await createStudy(t.db, org, { name: 'Broken import', ownerUserId: owner });
    const bundle = aBundle('e'.repeat(64));
    const bad = {
      ...bundle,
      segments: [
        ...bundle.segments,
        { ...bundle.segments[0]!, id: randomUUID(), startOffset: 10, endOffset: 2 },
      ],
    };
    await expect(writeStudyImport(t.db, org, study.id, bad)).rejects.toThrow(/coded_segment_offsets/);
    expect(await getStudyWithCounts(t.db, org, study.id)).toMatchObject({
      participants: 0,
      documents: 0,
      codes: 0,
      codedSegments: 0,
      imports: 0,
    });
  });

  it('reads the imported material back, scoped to the organisation', async () => {
    const study = (await findStudyByName(t.db, org, 'Import target'))!;
    const participants = await listParticipants(t.db, org, study.id);
    expect(participants.map((p) => [p.pseudonym, p.setting, p.attributes])).toEqual([
      ['P01', 'community', { tenureMonths: 4 }],
      ['P02', 'inpatient', {}],
    ]);
    const documents = await listDocuments(t.db, org, study.id);
    expect(documents.map((d) => [d.name, d.textLength])).toEqual([
      ['Interview 1', 42],
      ['Interview 2', 32],
    ]);
    expect((await getDocument(t.db, org, study.id, documents[0]!.id))?.text).toBe(
      'A synthetic interview about evening calls.',
    );
    const codes = await listCodes(t.db, org, study.id);
    expect(codes.map((c) => [c.guid, c.isCodable, c.parentId === null])).toEqual([
      ['C-0', false, true],
      ['C-1', true, false],
      ['C-2', true, false],
    ]);
    const segments = await listCodedSegments(t.db, org, study.id);
    expect(segments).toHaveLength(4);
    expect(segments.every((s) => typeof s.startOffset === 'number')).toBe(true);
    const observations = await listStudyObservations(t.db, org, study.id);
    expect(observations.map((o) => [o.indicator, o.value, o.source]).sort()).toEqual([
      ['after_hours_client_contact', 1, 'interview'],
      ['invited_to_team_meetings', 0, 'interview'],
    ]);
    await expect(listCodes(t.db, otherOrg, study.id)).rejects.toThrow(/does not exist in organization/);
    expect(await getStudyWithCounts(t.db, otherOrg, study.id)).toBeNull();
  });

  it('keeps interview evidence out of supervision observations', async () => {
    const rows = await t.db.selectFrom('observation').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('deletes a study with everything imported into it', async () => {
    const study = (await findStudyByName(t.db, org, 'Import target'))!;
    expect(await deleteStudy(t.db, otherOrg, study.id)).toBe(false);
    expect(await deleteStudy(t.db, org, study.id)).toBe(true);
    const left = await t.db
      .selectFrom('coded_segment')
      .select('id')
      .where('study_id', '=', study.id)
      .execute();
    expect(left).toEqual([]);
  });
});
