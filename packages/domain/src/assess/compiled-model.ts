/** A ruleset turned into flat per-indicator arrays once, so assessing many PSWs does no repeated lookups. */
import { type ConflictId, conflictIds } from '../catalog/conflicts';
import {
  type IndicatorId,
  type IndicatorKind,
  indicatorIds,
  indicatorShapes,
} from '../catalog/indicator-ids';
import { type RoleId, roleIds } from '../catalog/roles';
import type { Ruleset } from '../ruleset/ruleset-schema';

/** One indicator's weight in a role mean, a noisy-OR or the strain. */
export interface Term {
  readonly index: number;
  readonly indicator: IndicatorId;
  readonly weight: number;
  readonly inverse: boolean;
}

/** The ruleset, compiled. Term lists are sorted by indicator id so every explanation is in a stable order. */
export interface CompiledModel {
  readonly ruleset: Ruleset;
  readonly kinds: readonly IndicatorKind[];
  readonly saturations: readonly number[];
  readonly roleTerms: { readonly [K in RoleId]: readonly Term[] };
  readonly markerTerms: { readonly [K in ConflictId]: readonly Term[] };
  readonly protectionTerms: { readonly [K in ConflictId]: readonly Term[] };
  readonly strainTerms: readonly Term[];
}

/** Position of each indicator id in `indicatorIds`. */
export const indicatorIndex: ReadonlyMap<string, number> = new Map(indicatorIds.map((id, i) => [id, i]));

const byIndicator = (a: Term, b: Term) =>
  a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0;

const compiled = new WeakMap<Ruleset, CompiledModel>();

/** Compile (or fetch the cached compilation of) a validated ruleset. */
export function compileModel(ruleset: Ruleset): CompiledModel {
  const cached = compiled.get(ruleset);
  if (cached !== undefined) return cached;
  const terms = (pick: (id: IndicatorId) => { weight: number; inverse: boolean } | undefined): Term[] =>
    indicatorIds
      .map((indicator, index) => {
        const t = pick(indicator);
        return t === undefined || t.weight <= 0 ? undefined : { index, indicator, ...t };
      })
      .filter((t): t is Term => t !== undefined)
      .sort(byIndicator);
  const model = ruleset.indicators;
  const perRole = (role: RoleId) =>
    terms((id) => {
      const w = model[id].roles[role];
      return w === undefined ? undefined : { weight: w, inverse: false };
    });
  const perConflict = (
    pick: (id: IndicatorId, c: ConflictId) => { weight: number; inverse: boolean } | undefined,
  ) =>
    Object.fromEntries(conflictIds.map((c) => [c, terms((id) => pick(id, c))])) as Record<ConflictId, Term[]>;
  const result: CompiledModel = {
    ruleset,
    kinds: indicatorIds.map((id) => indicatorShapes[id].kind),
    saturations: indicatorIds.map((id) => model[id].saturation ?? 1),
    roleTerms: Object.fromEntries(roleIds.map((r) => [r, perRole(r)])) as Record<RoleId, Term[]>,
    markerTerms: perConflict((id, c) => model[id].markers[c]),
    protectionTerms: perConflict((id, c) => {
      const w = model[id].protects[c];
      return w === undefined ? undefined : { weight: w, inverse: false };
    }),
    strainTerms: terms((id) => ({ weight: model[id].strain, inverse: false })),
  };
  compiled.set(ruleset, result);
  return result;
}
