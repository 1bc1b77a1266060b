/**
 * The team and organisation view: the current cards of many PSWs merged by id (domain `mergeCards`),
 * per unit and overall, and how common each conflict and finding is by setting, with cells under the
 * organisation's k suppressed (domain `suppressSmallCells`). Admins see the whole organisation,
 * supervisors the PSWs they supervise; nobody sees an individual PSW here.
 */
import {
  defaultRuleset,
  type MergedCard,
  mergeCards,
  type SuppressedTable,
  suppressSmallCells,
} from '@peerbridge/domain';
import { z } from 'zod';
import { requireAnyRole } from '../access/require-role';
import { type Actor, hasRole } from '../actor';
import { loadOwnUnit } from '../admin/units';
import { type Db, todayIso } from '../db';
import { parseServiceInput } from '../errors';
import { assessMemoized } from '../evidence/assess-memo';
import { evidenceStart, loadEvidence } from '../evidence/load-evidence';
import { loadOrganizationSettings } from '../organization/organization-settings';
import { asOfSchema, idSchema } from '../schemas';

export const teamOverviewInput = z.object({ asOf: asOfSchema, unitId: idSchema.optional() }).optional();

/** Rows of the prevalence table: conflicts at `emerging` or above, and findings that hold. */
const prevalenceRows = [
  'friend_vs_professional',
  'staff_member_vs_expert_by_experience',
  'wellbeing_strain',
  'role_ambiguity',
  'over_formalization',
  'supervision_gap',
  'insufficient_evidence',
] as const;
const settingsOrder = ['inpatient', 'community', 'other'] as const;

export interface TeamOverview {
  asOf: string;
  scope: 'organization' | 'caseload';
  k: number;
  workerCount: number;
  overall: MergedCard[];
  units: { unitId: string; name: string; setting: string; workerCount: number; cards: MergedCard[] }[];
  prevalenceBySetting: SuppressedTable;
}

export async function teamOverview(
  db: Db,
  actor: Actor,
  input?: z.input<typeof teamOverviewInput>,
): Promise<TeamOverview> {
  requireAnyRole(actor, ['admin', 'supervisor']);
  const parsed = parseServiceInput(teamOverviewInput, input);
  const asOf = parsed?.asOf ?? todayIso();
  const scope = hasRole(actor, 'admin') ? 'organization' : 'caseload';
  if (parsed?.unitId !== undefined) await loadOwnUnit(db, actor, parsed.unitId);
  let query = db
    .selectFrom('peer_worker as w')
    .innerJoin('unit as u', 'u.id', 'w.unit_id')
    .select(['w.id', 'w.started_on', 'u.id as unit_id', 'u.name as unit_name', 'u.setting as unit_setting'])
    .where('w.organization_id', '=', actor.organizationId)
    .where('w.status', '<>', 'left')
    .where('w.started_on', '<=', asOf);
  if (scope === 'caseload') {
    query = query.where('w.id', 'in', (eb) =>
      eb
        .selectFrom('supervisor_assignment')
        .select('peer_worker_id')
        .where('supervisor_user_id', '=', actor.userId)
        .where('organization_id', '=', actor.organizationId),
    );
  }
  if (parsed?.unitId !== undefined) query = query.where('w.unit_id', '=', parsed.unitId);
  const [workers, org] = await Promise.all([
    query.orderBy('w.id').execute(),
    loadOrganizationSettings(db, actor.organizationId),
  ]);
  const evidence = await loadEvidence(db, {
    organizationId: actor.organizationId,
    workers: workers.map((w) => ({ id: w.id, unitId: w.unit_id })),
    from: evidenceStart(asOf, defaultRuleset.windowDays),
    to: asOf,
  });
  const assessed = workers.map((w) => {
    const ev = evidence.get(w.id) ?? { observations: [], sessions: [] };
    return {
      worker: w,
      assessment: assessMemoized({
        asOf,
        worker: { id: w.id, startedOn: w.started_on, unitId: w.unit_id },
        unit: { id: w.unit_id, setting: w.unit_setting },
        observations: ev.observations,
        sessions: ev.sessions,
        ruleset: defaultRuleset,
        cadenceDays: org.supervisionCadenceDays,
      }),
    };
  });
  const k = org.smallCellK;
  const byUnit = new Map<string, typeof assessed>();
  for (const entry of assessed) {
    const list = byUnit.get(entry.worker.unit_id) ?? [];
    list.push(entry);
    byUnit.set(entry.worker.unit_id, list);
  }
  const units = [...byUnit.values()]
    .map((entries) => {
      const first = entries[0]!.worker;
      return {
        unitId: first.unit_id,
        name: first.unit_name,
        setting: first.unit_setting,
        workerCount: entries.length,
        cards: mergeCards(
          entries.map((e) => e.assessment),
          { groupLabel: first.unit_name, minCellSize: k, suppress: 'all' },
        ),
      };
    })
    .sort((x, y) => x.name.localeCompare(y.name));

  const present = (
    a: (typeof assessed)[number]['assessment'],
    row: (typeof prevalenceRows)[number],
  ): boolean => {
    if (row === 'friend_vs_professional' || row === 'staff_member_vs_expert_by_experience') {
      const level = a.conflicts[row].level;
      return level === 'emerging' || level === 'active' || level === 'severe';
    }
    return a.findings.some((f) => f.id === row);
  };
  const counts = prevalenceRows.map((row) =>
    settingsOrder.map(
      (setting) =>
        assessed.filter((e) => e.worker.unit_setting === setting && present(e.assessment, row)).length,
    ),
  );
  const prevalenceBySetting = suppressSmallCells(
    { rows: [...prevalenceRows], columns: [...settingsOrder], counts },
    { k },
  );
  return {
    asOf,
    scope,
    k,
    workerCount: assessed.length,
    overall: mergeCards(
      assessed.map((e) => e.assessment),
      { minCellSize: k, suppress: 'all' },
    ),
    units,
    prevalenceBySetting,
  };
}
