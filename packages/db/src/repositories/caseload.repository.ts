/** A supervisor's caseload: their workers with unit, setting, last session and open actions, in one query. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { PeerWorkerStatus, UnitSetting } from '../tables/organization.table';
import { byName } from './name-order';

export interface CaseloadRow {
  workerId: string;
  displayName: string;
  status: PeerWorkerStatus;
  startedOn: string;
  workingFraction: number;
  unitId: string;
  unitName: string;
  setting: UnitSetting;
  /** The latest session with any supervisor (the supervision gap is about the worker), or null. */
  lastSessionOn: string | null;
  openActionCount: number;
}

/** The workers a supervisor supervises in one organisation, sorted by name. */
export async function listCaseloadRows(
  db: Kysely<Database>,
  organizationId: string,
  supervisorUserId: string,
): Promise<CaseloadRow[]> {
  const rows = await db
    .selectFrom('supervisor_assignment as sa')
    .innerJoin('peer_worker as pw', 'pw.id', 'sa.peer_worker_id')
    .innerJoin('unit as u', 'u.id', 'pw.unit_id')
    .select((eb) => [
      'pw.id as workerId',
      'pw.display_name as displayName',
      'pw.status as status',
      'pw.started_on as startedOn',
      'pw.working_fraction as workingFraction',
      'u.id as unitId',
      'u.name as unitName',
      'u.setting as setting',
      eb
        .selectFrom('supervision_session as s')
        .select((s) => s.fn.max('s.held_on').as('held'))
        .where('s.organization_id', '=', organizationId)
        .where('s.voided_at', 'is', null)
        .whereRef('s.peer_worker_id', '=', 'pw.id')
        .as('lastSessionOn'),
      eb
        .selectFrom('action_item as a')
        .select((a) => a.fn.countAll<number>().as('n'))
        .where('a.organization_id', '=', organizationId)
        .where('a.status', '=', 'open')
        .whereRef('a.peer_worker_id', '=', 'pw.id')
        .as('openActionCount'),
    ])
    .where('sa.organization_id', '=', organizationId)
    .where('sa.supervisor_user_id', '=', supervisorUserId)
    .where('pw.organization_id', '=', organizationId)
    .execute();
  return rows
    .map(
      (row): CaseloadRow => ({
        ...row,
        lastSessionOn: row.lastSessionOn ?? null,
        openActionCount: Number(row.openActionCount ?? 0),
      }),
    )
    .sort(
      byName(
        (r) => r.displayName,
        (r) => r.workerId,
      ),
    );
}
