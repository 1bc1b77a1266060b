import { testDialects } from '@peerbridge/testing';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type MigratedTestDatabase, openMigratedTestDatabase } from './migrated-test-database';
import { createActionItem, listActionItems } from './repositories/action-item.repository';
import { assignSupervisor } from './repositories/assignment.repository';
import { countCardResponses, recordCardResponse } from './repositories/card-response.repository';
import { listCaseloadRows } from './repositories/caseload.repository';
import {
  insertObservations,
  listObservationsForUnits,
  listObservationsForWorkers,
} from './repositories/observation.repository';
import { createOrganization } from './repositories/organization.repository';
import { createPeerWorker, listPeerWorkers } from './repositories/peer-worker.repository';
import { createStudy, getStudyWithCounts } from './repositories/study.repository';
import { writeStudyImport } from './repositories/study-import.repository';
import { listCodedSegments, listCodes, listStudyObservations } from './repositories/study-read.repository';
import {
  listSessionsForWorkers,
  recordSupervisionSession,
} from './repositories/supervision-session.repository';
import { createUnit } from './repositories/unit.repository';
import type { Database } from './schema';

/** Clock-made timestamps differ between runs; everything else must match byte for byte. */
function withoutClock(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      ['createdAt', 'respondedAt', 'completedAt', 'startedAt', 'finishedAt'].includes(key) && v !== null
        ? '<time>'
        : v,
    ),
  );
}

/** The same synthetic story, with fixed ids, written and read back through the repositories. */
async function scenario(db: Kysely<Database>) {
  await db
    .insertInto('user')
    .values({
      id: 'u-1',
      name: 'Sam Supervisor',
      email: 'sam@example.test',
      emailVerified: 0,
      image: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  const org = await createOrganization(db, {
    id: 'org-1',
    name: 'Same Everywhere',
    isDemo: true,
    smallCellK: 3,
  });
  const unit = await createUnit(db, org.id, { id: 'unit-1', name: 'Ward A', setting: 'inpatient' });
  await createPeerWorker(db, org.id, {
    id: 'w-1',
    unitId: unit.id,
    displayName: 'Peer One',
    startedOn: '2026-03-01',
    workingFraction: 0.6,
  });
  await createPeerWorker(db, org.id, {
    id: 'w-2',
    unitId: unit.id,
    displayName: 'peer two',
    startedOn: '2025-01-15',
  });
  await assignSupervisor(db, org.id, { supervisorUserId: 'u-1', peerWorkerId: 'w-1', since: '2026-03-01' });
  await assignSupervisor(db, org.id, { supervisorUserId: 'u-1', peerWorkerId: 'w-2', since: '2026-03-01' });
  await recordSupervisionSession(db, org.id, {
    id: 's-1',
    peerWorkerId: 'w-1',
    supervisorUserId: 'u-1',
    heldOn: '2026-10-05',
    kind: 'individual',
    minutes: 45,
  });
  await insertObservations(db, org.id, [
    {
      id: 'o-1',
      workerId: 'w-1',
      indicator: 'exhaustion',
      value: 4,
      observedAt: '2026-10-05',
      source: 'supervision',
      sessionId: 's-1',
    },
    {
      id: 'o-2',
      workerId: 'w-1',
      indicator: 'phone_off_after_hours',
      value: false,
      observedAt: '2026-10-05',
      source: 'supervision',
    },
    {
      id: 'o-3',
      workerId: 'w-2',
      indicator: 'after_hours_client_contact',
      value: 7,
      observedAt: '2026-09-30',
      source: 'self_report',
    },
    {
      id: 'o-4',
      unitId: 'unit-1',
      indicator: 'has_own_workplace',
      value: true,
      observedAt: '2026-01-10',
      source: 'import',
    },
  ]);
  const response = await recordCardResponse(db, org.id, {
    id: 'r-1',
    peerWorkerId: 'w-1',
    cardId: 'wellbeing_check',
    asOf: '2026-10-06',
    decision: 'accepted',
    respondedBy: 'u-1',
  });
  await createActionItem(db, org.id, {
    id: 'a-1',
    peerWorkerId: 'w-1',
    cardResponseId: response.id,
    title: 'Check in next week',
    ownerUserId: 'u-1',
    dueOn: '2026-10-13',
  });
  const study = await createStudy(db, org.id, { id: 'study-1', name: 'Cross-dialect', ownerUserId: 'u-1' });
  await writeStudyImport(db, org.id, study.id, {
    run: { id: 'run-1', fileName: 'x.qdpx', fileSha256: 'a'.repeat(64), format: 'qdpx' },
    participants: [{ id: 'p-1', externalRef: 'CASE-A', pseudonym: 'P01', setting: 'inpatient' }],
    documents: [
      { id: 'd-1', sourceGuid: 'DOC-A', name: 'Doc A', text: 'Plain synthetic text.', participantId: 'p-1' },
    ],
    codes: [
      { id: 'c-1', guid: 'b-lower', name: 'lower', indicator: 'stress' },
      { id: 'c-2', guid: 'A-UPPER', name: 'upper', isCodable: false },
    ],
    segments: [
      { id: 'seg-1', documentId: 'd-1', codeId: 'c-1', selectionGuid: 'S-1', startOffset: 0, endOffset: 5 },
    ],
    observations: [
      {
        id: 'so-1',
        participantId: 'p-1',
        indicator: 'stress',
        value: 3,
        observedAt: '2026-02-02',
        codedSegmentId: 'seg-1',
      },
    ],
  });

  return withoutClock({
    workers: await listPeerWorkers(db, org.id),
    caseload: await listCaseloadRows(db, org.id, 'u-1'),
    sessions: await listSessionsForWorkers(db, org.id, ['w-1', 'w-2']),
    observations: await listObservationsForWorkers(db, org.id, ['w-1', 'w-2']),
    unitObservations: await listObservationsForUnits(db, org.id, ['unit-1']),
    actions: await listActionItems(db, org.id),
    cardCounts: await countCardResponses(db, org.id),
    study: await getStudyWithCounts(db, org.id, study.id),
    codes: await listCodes(db, org.id, study.id),
    segments: await listCodedSegments(db, org.id, study.id),
    studyObservations: await listStudyObservations(db, org.id, study.id),
  });
}

describe('the same data reads back the same on every dialect', () => {
  const opened: MigratedTestDatabase[] = [];
  afterAll(async () => {
    for (const t of opened) await t.close();
  });

  it('gives identical repository results, with dates as strings and numbers as numbers', async () => {
    const snapshots: unknown[] = [];
    for (const dialect of testDialects()) {
      const t = await openMigratedTestDatabase(dialect);
      opened.push(t);
      snapshots.push(await scenario(t.db));
    }
    const [first, ...rest] = snapshots as [Awaited<ReturnType<typeof scenario>>, ...unknown[]];
    for (const other of rest) expect(other).toEqual(first);

    const snap = first as Record<string, Record<string, unknown>[]>;
    expect(snap.caseload).toEqual([
      expect.objectContaining({
        workerId: 'w-1',
        lastSessionOn: '2026-10-05',
        openActionCount: 1,
        workingFraction: 0.6,
      }),
      expect.objectContaining({
        workerId: 'w-2',
        lastSessionOn: null,
        openActionCount: 0,
        workingFraction: 1,
      }),
    ]);
    expect(snap.observations?.map((o) => [o.id, o.value])).toEqual([
      ['o-3', 7],
      ['o-1', 4],
      ['o-2', 0],
    ]);
    expect(snap.cardCounts).toEqual([{ cardId: 'wellbeing_check', accepted: 1, overridden: 0 }]);
    expect(snap.codes?.map((c) => [c.guid, c.isCodable])).toEqual([
      ['A-UPPER', false],
      ['b-lower', true],
    ]);
    expect((snap.study as unknown as Record<string, unknown>).codedSegments).toBe(1);
  });
});
