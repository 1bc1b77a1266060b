/** Reduce a PSW's observations to one piece of evidence per indicator, for the current and the previous window. */
import type { IndicatorKind } from '../catalog/indicator-ids';
import type { Observation } from '../evidence/observation';
import { type CompiledModel, indicatorIndex } from './compiled-model';
import { portableExp } from './portable-exp';

/** What is known about one indicator in one window. */
export interface Evidence {
  /** The latest likert/bool value, or the summed event count. */
  readonly value: number | boolean;
  /** Strength of the sign in [0, 1] (before any inverse). */
  readonly strength: number;
  readonly level: 'worker' | 'unit';
  /** Sorted. */
  readonly observationIds: readonly string[];
}

/** Evidence per indicator index; `undefined` means unknown. */
export type EvidenceByIndicator = ReadonlyArray<Evidence | undefined>;

/** Both windows' evidence and the number of observations in the current window. */
export interface WindowedEvidence {
  readonly current: EvidenceByIndicator;
  readonly previous: EvidenceByIndicator;
  readonly observationsInWindow: number;
}

interface Slot {
  value: number | boolean;
  date: string;
  id: string;
  ids: string[] | undefined;
}

/** Strength of a value: likert (v-1)/4, bool 1/0, event 1 - exp(-count / saturation). */
export function strengthOf(kind: IndicatorKind, value: number | boolean, saturation: number): number {
  if (kind === 'bool') return value === true ? 1 : 0;
  if (kind === 'likert') return ((value as number) - 1) / 4;
  return 1 - portableExp(-(value as number) / saturation);
}

/**
 * One pass over the observations. Only observations about `workerId`, or about `unitId`, count.
 * Windows are half-open on the left: current `(currentFrom, asOf]`, previous `(previousFrom, currentFrom]`.
 * ISO dates compare correctly as strings, so no date parsing happens per observation.
 */
export function collectEvidence(
  model: CompiledModel,
  observations: readonly Observation[],
  workerId: string,
  unitId: string | undefined,
  bounds: { previousFrom: string; currentFrom: string; asOf: string },
): WindowedEvidence {
  const n = model.kinds.length;
  // slots[window * 2n + level * n + indicator]; window 0 = current, level 0 = worker
  const slots: Array<Slot | undefined> = new Array(4 * n);
  let inWindow = 0;
  for (const o of observations) {
    let level: number;
    if (o.workerId !== undefined) {
      if (o.workerId !== workerId) continue;
      level = 0;
    } else if (unitId !== undefined && o.unitId === unitId) level = 1;
    else continue;
    const date = o.observedAt;
    if (date > bounds.asOf || date <= bounds.previousFrom) continue;
    const window = date > bounds.currentFrom ? 0 : 1;
    if (window === 0) inWindow++;
    const index = indicatorIndex.get(o.indicator) as number;
    const at = window * 2 * n + level * n + index;
    const slot = slots[at];
    if (model.kinds[index] === 'event') {
      if (slot === undefined) slots[at] = { value: o.value, date, id: o.id, ids: [o.id] };
      else {
        slot.value = (slot.value as number) + (o.value as number);
        slot.ids?.push(o.id);
      }
    } else if (slot === undefined) slots[at] = { value: o.value, date, id: o.id, ids: undefined };
    else if (date > slot.date || (date === slot.date && o.id > slot.id)) {
      slot.value = o.value;
      slot.date = date;
      slot.id = o.id;
    }
  }
  const resolve = (window: number): Array<Evidence | undefined> => {
    const out: Array<Evidence | undefined> = new Array(n);
    for (let i = 0; i < n; i++) {
      const worker = slots[window * 2 * n + i];
      const slot = worker ?? slots[window * 2 * n + n + i];
      if (slot === undefined) continue;
      const kind = model.kinds[i] as IndicatorKind;
      out[i] = {
        value: slot.value,
        strength: strengthOf(kind, slot.value, model.saturations[i] as number),
        level: worker === undefined ? 'unit' : 'worker',
        observationIds: slot.ids === undefined ? [slot.id] : slot.ids.sort(),
      };
    }
    return out;
  };
  return { current: resolve(0), previous: resolve(1), observationsInWindow: inWindow };
}
