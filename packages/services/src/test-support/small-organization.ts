/** Test fixture for service tests: one organisation with an admin, a supervisor, a unit and PSWs with some evidence. */
import type { Actor } from '../actor';
import { addDays } from '../dates';
import type { Db } from '../db';
import { aMember } from './member';

export const TODAY = '2026-11-26';

export interface SmallOrganization {
  admin: Actor;
  supervisor: Actor;
  unitId: string;
  workerIds: string[];
}

/** `workers` PSWs on an inpatient ward with no team meetings; the first `flagged` also feel treated as former patients. */
export async function aSmallOrganization(
  db: Db,
  options: { workers?: number; flagged?: number; k?: number } = {},
): Promise<SmallOrganization> {
  const now = new Date().toISOString();
  const orgId = 'org-1';
  await db
    .insertInto('organization')
    .values({
      id: orgId,
      name: 'Synthetic Trust',
      created_at: now,
      ...(options.k ? { small_cell_k: options.k } : {}),
    })
    .execute();
  await aMember(db, orgId, 'u-admin', 'admin');
  await aMember(db, orgId, 'u-sup', 'supervisor');
  await db
    .insertInto('unit')
    .values({ id: 'unit-1', organization_id: orgId, name: 'Ward C', setting: 'inpatient', created_at: now })
    .execute();
  await db
    .insertInto('observation')
    .values({
      id: 'unit-obs-1',
      organization_id: orgId,
      peer_worker_id: null,
      unit_id: 'unit-1',
      indicator: 'invited_to_team_meetings',
      value: 0,
      observed_at: addDays(TODAY, -20),
      source: 'supervision',
      source_ref: null,
      recorded_by: 'u-admin',
      note: null,
      session_id: null,
      created_at: now,
    })
    .execute();
  const workerIds: string[] = [];
  for (let i = 0; i < (options.workers ?? 1); i++) {
    const id = `w-${i + 1}`;
    workerIds.push(id);
    await db
      .insertInto('peer_worker')
      .values({
        id,
        organization_id: orgId,
        unit_id: 'unit-1',
        display_name: `Peer ${i + 1}`,
        started_on: '2024-01-10',
        created_at: now,
      })
      .execute();
    await db
      .insertInto('supervisor_assignment')
      .values({
        organization_id: orgId,
        supervisor_user_id: 'u-sup',
        peer_worker_id: id,
        since: '2024-01-10',
      })
      .execute();
    const flagged = i < (options.flagged ?? 1);
    await db
      .insertInto('observation')
      .values(
        [
          ['seen_as_former_patient', flagged ? 4 : 1],
          ['self_stigma', flagged ? 4 : 1],
          ['cooperates_in_team', 3],
        ].map(([indicator, value], j) => ({
          id: `${id}-o${j}`,
          organization_id: orgId,
          peer_worker_id: id,
          unit_id: null,
          indicator: String(indicator),
          value: Number(value),
          observed_at: addDays(TODAY, -10),
          source: 'supervision' as const,
          source_ref: null,
          recorded_by: 'u-sup',
          note: null,
          session_id: null,
          created_at: now,
        })),
      )
      .execute();
  }
  return {
    admin: { userId: 'u-admin', organizationId: orgId, roles: ['admin'] },
    supervisor: { userId: 'u-sup', organizationId: orgId, roles: ['supervisor'] },
    unitId: 'unit-1',
    workerIds,
  };
}
