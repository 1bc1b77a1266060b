/**
 * Test fixture: two synthetic organisations, each with an admin, a supervisor assigned to a PSW, a
 * supervisor who is not, a researcher, a unit, two PSWs and some evidence.
 */
import type { DatabaseHandle } from '@peerbridge/db';
import { insertUserWithPassword, type UserRole } from '@peerbridge/services';

export const PASSWORD = 'synthetic-password-1';
const TODAY = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export interface OrgFixture {
  organizationId: string;
  unitId: string;
  /** Supervised by `supervisor`. */
  workerId: string;
  /** Supervised by nobody yet (assignment tests use it). */
  spareWorkerId: string;
  /** Owned by `researcher`: two participants, one document coded by two coders. */
  studyId: string;
  /** `peerWorker` is the own account of the PSW `workerId` (ADR 0031). */
  users: Record<
    'admin' | 'supervisor' | 'otherSupervisor' | 'researcher' | 'peerWorker',
    { id: string; email: string }
  >;
}

async function oneOrganization(handle: DatabaseHandle, key: 'a' | 'b'): Promise<OrgFixture> {
  const db = handle.db;
  const now = new Date().toISOString();
  const organizationId = `org-${key}`;
  await db
    .insertInto('organization')
    .values({ id: organizationId, name: `Synthetic Trust ${key.toUpperCase()}`, created_at: now })
    .execute();
  const users = {} as OrgFixture['users'];
  const roles: Record<keyof OrgFixture['users'], UserRole> = {
    admin: 'admin',
    supervisor: 'supervisor',
    otherSupervisor: 'supervisor',
    researcher: 'researcher',
    peerWorker: 'peer_worker',
  };
  for (const [name, role] of Object.entries(roles) as [keyof OrgFixture['users'], UserRole][]) {
    const email = `${name.toLowerCase()}@${key}.example.test`;
    const id = await insertUserWithPassword(db, organizationId, {
      name: `${name} ${key}`,
      email,
      password: PASSWORD,
      roles: [role],
    });
    users[name] = { id, email };
  }
  const unitId = `unit-${key}`;
  await db
    .insertInto('unit')
    .values({
      id: unitId,
      organization_id: organizationId,
      name: 'Ward 1',
      setting: 'inpatient',
      created_at: now,
    })
    .execute();
  const workerId = `worker-${key}`;
  const spareWorkerId = `worker-${key}-spare`;
  for (const id of [workerId, spareWorkerId]) {
    await db
      .insertInto('peer_worker')
      .values({
        id,
        organization_id: organizationId,
        unit_id: unitId,
        display_name: `Peer ${id}`,
        started_on: daysAgo(400),
        created_at: now,
      })
      .execute();
  }
  await db
    .insertInto('supervisor_assignment')
    .values({
      organization_id: organizationId,
      supervisor_user_id: users.supervisor.id,
      peer_worker_id: workerId,
      since: daysAgo(400),
    })
    .execute();
  await db
    .insertInto('peer_worker_account')
    .values({
      organization_id: organizationId,
      user_id: users.peerWorker.id,
      peer_worker_id: workerId,
      created_at: now,
    })
    .execute();
  const obs = (
    id: string,
    indicator: string,
    value: number,
    subject: { peer_worker_id?: string; unit_id?: string },
  ) => ({
    id: `${key}-${id}`,
    organization_id: organizationId,
    peer_worker_id: subject.peer_worker_id ?? null,
    unit_id: subject.unit_id ?? null,
    indicator,
    value,
    observed_at: daysAgo(10),
    source: 'supervision' as const,
    source_ref: null,
    recorded_by: users.supervisor.id,
    note: null,
    session_id: null,
    created_at: now,
  });
  await db
    .insertInto('observation')
    .values([
      obs('o1', 'seen_as_former_patient', 4, { peer_worker_id: workerId }),
      obs('o2', 'after_hours_client_contact', 3, { peer_worker_id: workerId }),
      obs('o3', 'invited_to_team_meetings', 0, { unit_id: unitId }),
      obs('o4', 'receives_client_information', 0, { unit_id: unitId }),
    ])
    .execute();
  await db
    .insertInto('supervision_session')
    .values({
      id: `session-${key}`,
      organization_id: organizationId,
      peer_worker_id: workerId,
      supervisor_user_id: users.supervisor.id,
      held_on: daysAgo(10),
      kind: 'individual',
      minutes: 50,
      private_notes: 'Synthetic note',
      shared_summary: 'Synthetic shared summary',
      created_at: now,
    })
    .execute();
  const studyId = `study-${key}`;
  await db
    .insertInto('study')
    .values({
      id: studyId,
      organization_id: organizationId,
      name: 'Interviews',
      owner_user_id: users.researcher.id,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('participant')
    .values([
      { id: `${key}-p1`, study_id: studyId, external_ref: 'case-1', pseudonym: 'P-01', setting: 'inpatient' },
      { id: `${key}-p2`, study_id: studyId, external_ref: 'case-2', pseudonym: 'P-02', setting: 'community' },
    ])
    .execute();
  const text =
    'First paragraph about the team.\nSecond paragraph about clients.\nThird paragraph about calls.';
  await db
    .insertInto('document')
    .values({
      id: `${key}-d1`,
      study_id: studyId,
      source_guid: `${key}-g1`,
      name: 'Interview 1',
      text,
      participant_id: `${key}-p1`,
    })
    .execute();
  await db
    .insertInto('code')
    .values([
      {
        id: `${key}-c1`,
        study_id: studyId,
        guid: `${key}-cg1`,
        name: 'Team meetings',
        parent_id: null,
        indicator: 'invited_to_team_meetings',
      },
      {
        id: `${key}-c2`,
        study_id: studyId,
        guid: `${key}-cg2`,
        name: 'After-hours calls',
        parent_id: null,
        indicator: 'after_hours_client_contact',
      },
    ])
    .execute();
  const seg = (id: string, code: string, start: number, end: number, coder: string) => ({
    id: `${key}-${id}`,
    study_id: studyId,
    document_id: `${key}-d1`,
    code_id: `${key}-${code}`,
    selection_guid: `${key}-sel-${id}`,
    start_offset: start,
    end_offset: end,
    coder,
    created_at_source: null,
  });
  await db
    .insertInto('coded_segment')
    .values([
      seg('s1', 'c1', 0, 20, 'coder-1'),
      seg('s2', 'c2', 10, 40, 'coder-1'),
      seg('s3', 'c1', 0, 25, 'coder-2'),
      seg('s4', 'c2', 65, 80, 'coder-2'),
    ])
    .execute();
  await db
    .insertInto('study_observation')
    .values([
      {
        id: `${key}-so1`,
        study_id: studyId,
        participant_id: `${key}-p1`,
        indicator: 'invited_to_team_meetings',
        value: 0,
        observed_at: daysAgo(100),
        coded_segment_id: `${key}-s1`,
        document_id: `${key}-d1`,
      },
      {
        id: `${key}-so2`,
        study_id: studyId,
        participant_id: `${key}-p1`,
        indicator: 'seen_as_former_patient',
        value: 4,
        observed_at: daysAgo(100),
        coded_segment_id: null,
        document_id: `${key}-d1`,
      },
      {
        id: `${key}-so3`,
        study_id: studyId,
        participant_id: `${key}-p2`,
        indicator: 'after_hours_client_contact',
        value: 3,
        observed_at: daysAgo(100),
        coded_segment_id: `${key}-s2`,
        document_id: `${key}-d1`,
      },
    ])
    .execute();
  return { organizationId, unitId, workerId, spareWorkerId, studyId, users };
}

export async function seedTwoOrganizations(
  handle: DatabaseHandle,
): Promise<{ a: OrgFixture; b: OrgFixture; today: string }> {
  return { a: await oneOrganization(handle, 'a'), b: await oneOrganization(handle, 'b'), today: TODAY };
}

/** Row counts of every table a use case may write, to prove a refused call changed nothing. */
export async function countRows(handle: DatabaseHandle): Promise<Record<string, number>> {
  const tables = [
    'organization',
    'membership',
    'unit',
    'peer_worker',
    'supervisor_assignment',
    'supervision_session',
    'observation',
    'card_response',
    'action_item',
    'audit_event',
    'user',
    'account',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
