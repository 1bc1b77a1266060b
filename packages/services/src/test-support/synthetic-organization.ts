/**
 * Test fixture for the privacy tests: a synthetic organisation of 40 PSWs in 6 units (sizes 12, 9,
 * 7, 5, 4 and 3 over three settings), three supervisors, and a month of varied evidence dated last
 * month, so that counts land on both sides of k. Deterministic (a fixed linear congruential
 * sequence); every name is synthetic.
 */
import { insertInChunks } from '@peerbridge/db';
import type { Actor } from '../actor';
import { addDays } from '../dates';
import type { Db } from '../db';
import { addMonths, firstDayOf, periodOf } from '../team/periods';
import { aMember } from './member';

export interface SyntheticOrganization {
  organizationId: string;
  admin: Actor;
  supervisors: Actor[];
  unitIds: string[];
  workerIds: string[];
}

const unitPlan = [
  { size: 12, setting: 'inpatient' },
  { size: 9, setting: 'inpatient' },
  { size: 7, setting: 'community' },
  { size: 5, setting: 'community' },
  { size: 4, setting: 'inpatient' },
  { size: 3, setting: 'other' },
] as const;

const likert = [
  'self_stigma',
  'exhaustion',
  'stress',
  'seen_as_former_patient',
  'role_unclear',
  'cooperates_in_team',
  'input_valued_by_team',
  'work_intrudes_personal_life',
];
const unitConditions = [
  'has_own_workplace',
  'invited_to_team_meetings',
  'receives_client_information',
  'team_trained_in_peer_work',
  'position_defined',
  'supervision_available',
];

export async function aSyntheticOrganization(db: Db, today: string, k = 5): Promise<SyntheticOrganization> {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const now = new Date().toISOString();
  const organizationId = 'org-synthetic';
  await db
    .insertInto('organization')
    .values({ id: organizationId, name: 'Synthetic Health Trust', created_at: now, small_cell_k: k })
    .execute();
  const users = ['u-admin', 'u-sup-1', 'u-sup-2', 'u-sup-3'];
  for (const id of users) {
    await aMember(db, organizationId, id, id === 'u-admin' ? 'admin' : 'supervisor', `Synthetic ${id}`);
  }
  const lastMonth = addMonths(periodOf(today), -1);
  const day = (n: number) => addDays(firstDayOf(lastMonth), n);
  const unitIds: string[] = [];
  const workerIds: string[] = [];
  const observations: Record<string, string | number | null>[] = [];
  const sessions: Record<string, string | number | null>[] = [];
  const assignments: Record<string, string | number | null>[] = [];
  const workers: Record<string, string | number | null>[] = [];
  for (const [u, plan] of unitPlan.entries()) {
    const unitId = `unit-${u + 1}`;
    unitIds.push(unitId);
    await db
      .insertInto('unit')
      .values({
        id: unitId,
        organization_id: organizationId,
        name: `Unit ${String.fromCharCode(65 + u)}`,
        setting: plan.setting,
        created_at: now,
      })
      .execute();
    for (const [c, indicator] of unitConditions.entries()) {
      observations.push({
        id: `${unitId}-c${c}`,
        organization_id: organizationId,
        peer_worker_id: null,
        unit_id: unitId,
        indicator,
        value: next(2),
        observed_at: day(2),
        source: 'supervision',
        source_ref: null,
        recorded_by: 'u-admin',
        note: null,
        session_id: null,
        created_at: now,
      });
    }
    for (let i = 0; i < plan.size; i++) {
      const workerId = `w-${u + 1}-${i + 1}`;
      workerIds.push(workerId);
      workers.push({
        id: workerId,
        organization_id: organizationId,
        unit_id: unitId,
        display_name: `Peer ${u + 1}.${i + 1}`,
        started_on: next(4) === 0 ? addDays(today, -200) : '2024-01-10',
        created_at: now,
      });
      assignments.push({
        organization_id: organizationId,
        supervisor_user_id: `u-sup-${(workerIds.length % 3) + 1}`,
        peer_worker_id: workerId,
        since: '2024-01-10',
      });
      for (const [j, indicator] of likert.entries()) {
        observations.push({
          id: `${workerId}-o${j}`,
          organization_id: organizationId,
          peer_worker_id: workerId,
          unit_id: null,
          indicator,
          value: 1 + next(5),
          observed_at: day(5 + next(15)),
          source: 'supervision',
          source_ref: null,
          recorded_by: 'u-sup-1',
          note: null,
          session_id: null,
          created_at: now,
        });
      }
      observations.push({
        id: `${workerId}-after-hours`,
        organization_id: organizationId,
        peer_worker_id: workerId,
        unit_id: null,
        indicator: 'after_hours_client_contact',
        value: next(6),
        observed_at: day(12),
        source: 'supervision',
        source_ref: null,
        recorded_by: 'u-sup-1',
        note: null,
        session_id: null,
        created_at: now,
      });
      if (next(3) > 0)
        sessions.push({
          id: `${workerId}-s`,
          organization_id: organizationId,
          peer_worker_id: workerId,
          supervisor_user_id: `u-sup-${(workerIds.length % 3) + 1}`,
          held_on: day(14),
          kind: 'individual',
          minutes: 50,
          private_notes: null,
          created_at: now,
          nothing_to_record: 1,
        });
    }
  }
  await insertInChunks(
    db,
    'peer_worker',
    ['id', 'organization_id', 'unit_id', 'display_name', 'started_on', 'created_at'],
    workers,
  );
  await insertInChunks(
    db,
    'supervisor_assignment',
    ['organization_id', 'supervisor_user_id', 'peer_worker_id', 'since'],
    assignments,
  );
  await insertInChunks(
    db,
    'supervision_session',
    [
      'id',
      'organization_id',
      'peer_worker_id',
      'supervisor_user_id',
      'held_on',
      'kind',
      'minutes',
      'private_notes',
      'created_at',
      'nothing_to_record',
    ],
    sessions,
  );
  await insertInChunks(
    db,
    'observation',
    [
      'id',
      'organization_id',
      'peer_worker_id',
      'unit_id',
      'indicator',
      'value',
      'observed_at',
      'source',
      'source_ref',
      'recorded_by',
      'note',
      'session_id',
      'created_at',
    ],
    observations,
  );
  return {
    organizationId,
    admin: { userId: 'u-admin', organizationId, roles: ['admin'] },
    supervisors: [1, 2, 3].map((n) => ({ userId: `u-sup-${n}`, organizationId, roles: ['supervisor'] })),
    unitIds,
    workerIds,
  };
}
