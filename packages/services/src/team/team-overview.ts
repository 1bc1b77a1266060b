/**
 * The team and organisation view, read from published snapshots only (ADR 0013): admins see the
 * organisation, supervisors the caseload they had when the period's cohort was frozen. Nothing here
 * computes from live data, so an edit, a reassignment or a new record changes nothing on this page
 * until the next period is published. Nobody sees an individual PSW here.
 */
import { type PublishedCard, publishedCard, publishedCardIds } from '@peerbridge/domain';
import { z } from 'zod';
import { requireAnyRole } from '../access/require-role';
import { type Actor, hasRole } from '../actor';
import { loadOwnUnit } from '../admin/units';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';
import { idSchema } from '../schemas';
import { TREND_PERIODS } from './freeze-cohorts';
import {
  type PrevalenceRow,
  prevalenceRows,
  type ScopeSnapshot,
  type SnapshotUnit,
  type TeamSnapshot,
  unitConditionIds,
} from './team-snapshot';

const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected a period YYYY-MM' });
export const teamOverviewInput = z
  .object({ period: periodSchema.optional(), unitId: idSchema.optional() })
  .strict()
  .optional();

/** One unit of the view: its facts in full, its supervision-derived counts as published. */
export interface TeamUnit {
  unitId: string;
  name: string;
  setting: string;
  workerCount: number;
  /** PSWs who had supervision in the period. */
  supervised: number;
  conditions: Record<string, boolean | null>;
  /** Per prevalence row: the published count, or null when hidden. */
  counts: Record<PrevalenceRow, number | null>;
}

/** The prevalence table: rows by setting, with the total of each row, all as published. */
export interface PrevalenceBySetting {
  rows: PrevalenceRow[];
  columns: { setting: string; size: number }[];
  cells: (number | null)[][];
  totals: (number | null)[];
  totalSize: number;
}

/** One period of the trend: participation and unit conditions per unit. */
export interface TrendPeriod {
  period: string;
  workerCount: number;
  supervised: number;
  units: {
    unitId: string;
    name: string;
    workerCount: number;
    supervised: number;
    conditionsMet: number;
    conditionsKnown: number;
  }[];
}

export interface TeamOverview {
  scope: 'organization' | 'caseload';
  /** Published periods, newest first. Empty until the first period has been published. */
  periods: string[];
  period: string | null;
  /** The last day of the period: the data the snapshot was computed from. */
  asOf: string | null;
  k: number | null;
  workerCount: number;
  /** The cards of the chosen group (everyone, or one unit). */
  cards: PublishedCard[];
  prevalence: PrevalenceBySetting;
  units: TeamUnit[];
  conditionIds: string[];
  /** Up to six periods ending with the chosen one, oldest first. */
  trend: TrendPeriod[];
}

const emptyScope: ScopeSnapshot = { workerCount: 0, groups: [], counts: {} };

function scopeOf(snapshot: TeamSnapshot, actor: Actor, scope: TeamOverview['scope']): ScopeSnapshot {
  return scope === 'organization'
    ? snapshot.organization
    : (snapshot.supervisors[actor.userId] ?? emptyScope);
}

function unitsOf(snapshot: TeamSnapshot, scope: ScopeSnapshot): TeamUnit[] {
  const byId = new Map<string, SnapshotUnit>(snapshot.units.map((u) => [u.id, u]));
  return scope.groups
    .filter((g) => g.kind === 'unit' && g.unitId !== undefined)
    .map((g) => {
      const unit = byId.get(g.unitId!);
      return {
        unitId: g.unitId!,
        name: unit?.name ?? g.unitId!,
        setting: g.setting ?? 'other',
        workerCount: g.size,
        supervised: g.supervised,
        conditions: unit?.conditions ?? {},
        counts: Object.fromEntries(
          prevalenceRows.map((row) => [row, scope.counts[`row:${row}`]?.[g.id] ?? null]),
        ) as Record<PrevalenceRow, number | null>,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function prevalenceOf(scope: ScopeSnapshot): PrevalenceBySetting {
  const settings = scope.groups.filter((g) => g.kind === 'setting');
  const order = ['inpatient', 'community', 'other'];
  settings.sort((a, b) => order.indexOf(a.setting ?? '') - order.indexOf(b.setting ?? ''));
  return {
    rows: [...prevalenceRows],
    columns: settings.map((g) => ({ setting: g.setting ?? 'other', size: g.size })),
    cells: prevalenceRows.map((row) => settings.map((g) => scope.counts[`row:${row}`]?.[g.id] ?? null)),
    totals: prevalenceRows.map((row) => scope.counts[`row:${row}`]?.all ?? null),
    totalSize: scope.workerCount,
  };
}

function trendOf(snapshot: TeamSnapshot, scope: ScopeSnapshot, unitId: string | undefined): TrendPeriod {
  const units = unitsOf(snapshot, scope).filter((u) => unitId === undefined || u.unitId === unitId);
  const all = scope.groups.find((g) => g.id === (unitId === undefined ? 'all' : `unit:${unitId}`));
  return {
    period: snapshot.period,
    workerCount: all?.size ?? 0,
    supervised: all?.supervised ?? 0,
    units: units.map((u) => {
      const known = Object.values(u.conditions).filter((v) => v !== null);
      return {
        unitId: u.unitId,
        name: u.name,
        workerCount: u.workerCount,
        supervised: u.supervised,
        conditionsMet: known.filter((v) => v === true).length,
        conditionsKnown: known.length,
      };
    }),
  };
}

export async function teamOverview(
  db: Db,
  actor: Actor,
  input?: z.input<typeof teamOverviewInput>,
): Promise<TeamOverview> {
  requireAnyRole(actor, ['admin', 'supervisor']);
  const parsed = parseServiceInput(teamOverviewInput, input);
  const scope = hasRole(actor, 'admin') ? 'organization' : 'caseload';
  if (parsed?.unitId !== undefined) await loadOwnUnit(db, actor, parsed.unitId);
  const periodRows = await db
    .selectFrom('aggregate_snapshot')
    .select('period')
    .where('organization_id', '=', actor.organizationId)
    .orderBy('period', 'desc')
    .limit(24)
    .execute();
  const periods = periodRows.map((r) => r.period);
  const chosen = parsed?.period ?? periods[0];
  const rows =
    chosen === undefined
      ? []
      : await db
          .selectFrom('aggregate_snapshot')
          .select(['period', 'payload'])
          .where('organization_id', '=', actor.organizationId)
          .where('period', '<=', chosen)
          .orderBy('period', 'desc')
          .limit(TREND_PERIODS)
          .execute();
  const snapshots = rows.map((r) => JSON.parse(r.payload) as TeamSnapshot);
  const current = snapshots[0];
  if (current === undefined || current.period !== chosen) {
    return {
      scope,
      periods,
      period: null,
      asOf: null,
      k: null,
      workerCount: 0,
      cards: [],
      prevalence: { rows: [...prevalenceRows], columns: [], cells: [], totals: [], totalSize: 0 },
      units: [],
      conditionIds: unitConditionIds,
      trend: [],
    };
  }
  const view = scopeOf(current, actor, scope);
  const units = unitsOf(current, view);
  const unit = parsed?.unitId === undefined ? undefined : units.find((u) => u.unitId === parsed.unitId);
  const groupId = parsed?.unitId === undefined ? 'all' : `unit:${parsed.unitId}`;
  const group = view.groups.find((g) => g.id === groupId);
  const cards =
    group === undefined
      ? []
      : publishedCardIds.map((id) =>
          publishedCard(id, view.counts[`card:${id}`]?.[groupId] ?? null, group.size, current.k, unit?.name),
        );
  cards.sort((a, b) => toneOrder[a.tone] - toneOrder[b.tone] || (b.count ?? 0) - (a.count ?? 0));
  return {
    scope,
    periods,
    period: current.period,
    asOf: current.asOf,
    k: current.k,
    workerCount: group?.size ?? 0,
    cards,
    prevalence: prevalenceOf(view),
    units,
    conditionIds: unitConditionIds,
    trend: snapshots.map((s) => trendOf(s, scopeOf(s, actor, scope), parsed?.unitId)).reverse(),
  };
}

const toneOrder = { some: 0, hidden: 1, none: 2 } as const;
