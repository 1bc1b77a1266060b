/**
 * The published team view of one period (ADR 0013): computed once over the period's frozen cohort,
 * with the data as of the period's last day, and stored. Every supervision-derived count goes
 * through `suppressGroupCounts` over the nested groups (everyone > setting > unit), so one group
 * shows the same number, or the same "hidden", in every card, table and chart. Unit conditions are
 * facts about the unit and participation is the organisation's own duty; both are shown in full.
 */
import {
  type Assessment,
  type CardId,
  catalog,
  defaultRuleset,
  type GroupCount,
  publishedCardIds,
  suppressGroupCounts,
} from '@peerbridge/domain';
import type { DbOrTrx } from '../db';
import { assessMemoized } from '../evidence/assess-memo';
import { evidenceStart, loadEvidence } from '../evidence/load-evidence';
import type { CohortMember, FrozenCohort } from './freeze-cohorts';
import { firstDayOf, lastDayOf } from './periods';

/** Rows of the prevalence table: conflicts at `emerging` or above, and findings that hold. */
export const prevalenceRows = [
  'friend_vs_professional',
  'staff_member_vs_expert_by_experience',
  'wellbeing_strain',
  'role_ambiguity',
  'over_formalization',
  'supervision_gap',
  'insufficient_evidence',
] as const;
export type PrevalenceRow = (typeof prevalenceRows)[number];

/** Everything counted: each published card (PSWs it fired for) and each prevalence row. */
export type MeasureId = `card:${CardId}` | `row:${PrevalenceRow}`;
export const measureIds: readonly MeasureId[] = [
  ...publishedCardIds.map((id) => `card:${id}` as const),
  ...prevalenceRows.map((row) => `row:${row}` as const),
];

/** The unit conditions shown in full: every unit-level yes/no indicator of the catalog. */
export const unitConditionIds = Object.values(catalog.indicators)
  .filter((i) => i.level === 'unit' && i.kind === 'bool')
  .map((i) => i.id)
  .sort();

/** A group a count is published for: everyone in scope, a setting, or a unit. */
export interface SnapshotGroup {
  /** `all`, `setting:<setting>` or `unit:<unitId>`. */
  id: string;
  kind: 'all' | 'setting' | 'unit';
  setting?: string;
  unitId?: string;
  size: number;
  /** PSWs with at least one supervision session in the period. */
  supervised: number;
}

/** One scope (the organisation, or one supervisor's caseload) of a snapshot. */
export interface ScopeSnapshot {
  workerCount: number;
  groups: SnapshotGroup[];
  /** Per measure, per group id: the count, or null when hidden. */
  counts: Record<string, Record<string, number | null>>;
}

/** A unit as published: its name then, its setting and its conditions at the period's end. */
export interface SnapshotUnit {
  id: string;
  name: string;
  setting: string;
  /** Per condition: the latest recorded answer up to the period's end, or null when never recorded. */
  conditions: Record<string, boolean | null>;
}

/** What is stored in `aggregate_snapshot.payload`. */
export interface TeamSnapshot {
  period: string;
  asOf: string;
  k: number;
  units: SnapshotUnit[];
  organization: ScopeSnapshot;
  supervisors: Record<string, ScopeSnapshot>;
}

function measuresOf(a: Assessment): Set<MeasureId> {
  const out = new Set<MeasureId>();
  for (const card of a.cards) if (card.audience !== 'peer_worker') out.add(`card:${card.id}`);
  for (const row of prevalenceRows) {
    if (row === 'friend_vs_professional' || row === 'staff_member_vs_expert_by_experience') {
      const level = a.conflicts[row].level;
      if (level === 'emerging' || level === 'active' || level === 'severe') out.add(`row:${row}`);
    } else if (a.findings.some((f) => f.id === row)) out.add(`row:${row}`);
  }
  return out;
}

interface CountedMember extends CohortMember {
  measures: Set<MeasureId>;
  supervised: boolean;
}

/** The nested groups and suppressed counts of one set of members. */
export function scopeSnapshot(members: readonly CountedMember[], k: number): ScopeSnapshot {
  const groups = new Map<string, SnapshotGroup>();
  const bump = (id: string, init: Omit<SnapshotGroup, 'size' | 'supervised'>, m: CountedMember) => {
    const g = groups.get(id) ?? { ...init, size: 0, supervised: 0 };
    g.size += 1;
    if (m.supervised) g.supervised += 1;
    groups.set(id, g);
  };
  for (const m of members) {
    bump('all', { id: 'all', kind: 'all' }, m);
    bump(`setting:${m.setting}`, { id: `setting:${m.setting}`, kind: 'setting', setting: m.setting }, m);
    bump(
      `unit:${m.unitId}`,
      { id: `unit:${m.unitId}`, kind: 'unit', setting: m.setting, unitId: m.unitId },
      m,
    );
  }
  const parentOf = (g: SnapshotGroup): string | undefined =>
    g.kind === 'unit' ? `setting:${g.setting}` : g.kind === 'setting' ? 'all' : undefined;
  const list = [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counts: Record<string, Record<string, number | null>> = {};
  for (const measure of measureIds) {
    const raw = new Map<string, number>();
    for (const m of members) {
      if (!m.measures.has(measure)) continue;
      for (const id of ['all', `setting:${m.setting}`, `unit:${m.unitId}`])
        raw.set(id, (raw.get(id) ?? 0) + 1);
    }
    const input: GroupCount[] = list.map((g) => ({
      id: g.id,
      size: g.size,
      count: raw.get(g.id) ?? 0,
      parent: parentOf(g),
    }));
    const shown = members.length === 0 ? new Map<string, number | null>() : suppressGroupCounts(input, { k });
    counts[measure] = Object.fromEntries(list.map((g) => [g.id, shown.get(g.id) ?? null]));
  }
  return { workerCount: members.length, groups: list, counts };
}

/** Compute the snapshot of a frozen cohort, with the data as of the period's last day. */
export async function computeTeamSnapshot(
  db: DbOrTrx,
  organizationId: string,
  cohort: FrozenCohort,
  settings: { k: number; cadenceDays: number },
): Promise<TeamSnapshot> {
  const asOf = lastDayOf(cohort.period);
  const periodStart = firstDayOf(cohort.period);
  const members = cohort.members.filter((m) => m.startedOn <= asOf);
  const evidence = await loadEvidence(db, {
    organizationId,
    workers: members.map((m) => ({ id: m.workerId, unitId: m.unitId })),
    from: evidenceStart(asOf, defaultRuleset.windowDays),
    to: asOf,
  });
  const counted: CountedMember[] = members.map((m) => {
    const ev = evidence.get(m.workerId) ?? { observations: [], sessions: [] };
    const assessment = assessMemoized({
      asOf,
      worker: { id: m.workerId, startedOn: m.startedOn, unitId: m.unitId },
      unit: { id: m.unitId, setting: m.setting as 'inpatient' | 'community' | 'other' },
      observations: ev.observations,
      sessions: ev.sessions,
      ruleset: defaultRuleset,
      cadenceDays: settings.cadenceDays,
    });
    return {
      ...m,
      measures: measuresOf(assessment),
      supervised: ev.sessions.some((s) => s.heldOn >= periodStart && s.heldOn <= asOf),
    };
  });
  const unitIds = [...new Set(members.map((m) => m.unitId))].sort();
  const unitRows =
    unitIds.length === 0
      ? []
      : await db.selectFrom('unit').select(['id', 'name']).where('id', 'in', unitIds).execute();
  const conditionRows =
    unitIds.length === 0
      ? []
      : await db
          .selectFrom('observation')
          .select(['unit_id', 'indicator', 'value', 'observed_at', 'created_at'])
          .where('organization_id', '=', organizationId)
          .where('unit_id', 'in', unitIds)
          .where('indicator', 'in', unitConditionIds)
          .where('observed_at', '<=', asOf)
          .orderBy('observed_at')
          .orderBy('created_at')
          .execute();
  const latest = new Map<string, boolean>();
  for (const r of conditionRows) latest.set(`${r.unit_id}\u0001${r.indicator}`, r.value >= 1);
  const names = new Map(unitRows.map((u) => [u.id, u.name]));
  const settingOf = new Map(members.map((m) => [m.unitId, m.setting]));
  const units: SnapshotUnit[] = unitIds.map((id) => ({
    id,
    name: names.get(id) ?? id,
    setting: settingOf.get(id) ?? 'other',
    conditions: Object.fromEntries(unitConditionIds.map((c) => [c, latest.get(`${id}\u0001${c}`) ?? null])),
  }));
  const byId = new Map(counted.map((m) => [m.workerId, m]));
  const supervisors: Record<string, ScopeSnapshot> = {};
  for (const [userId, workerIds] of [...cohort.supervisors].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const own = workerIds.map((id) => byId.get(id)).filter((m): m is CountedMember => m !== undefined);
    supervisors[userId] = scopeSnapshot(own, settings.k);
  }
  return {
    period: cohort.period,
    asOf,
    k: settings.k,
    units,
    organization: scopeSnapshot(counted, settings.k),
    supervisors,
  };
}
