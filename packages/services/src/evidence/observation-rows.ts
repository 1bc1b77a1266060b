/** Converts between stored observation rows (value as a number) and the domain's Observation (booleans for bool indicators). */
import { catalog, type IndicatorId, type Observation, type ObservationSource } from '@peerbridge/domain';

/** The columns of an `observation` row that make up a domain Observation (the last three are optional). */
export interface ObservationRow {
  id: string;
  peer_worker_id: string | null;
  unit_id: string | null;
  indicator: string;
  value: number;
  observed_at: string;
  source: string;
  source_ref?: string | null;
  recorded_by?: string | null;
  note?: string | null;
}

/** Only what `assess` reads: loading thousands of rows per caseload, every column left out counts. */
export const assessColumns = [
  'id',
  'peer_worker_id',
  'unit_id',
  'indicator',
  'value',
  'observed_at',
  'source',
] as const;

/** The row columns to select for `toObservation`. */
export const observationColumns = [
  'id',
  'peer_worker_id',
  'unit_id',
  'indicator',
  'value',
  'observed_at',
  'source',
  'source_ref',
  'recorded_by',
  'note',
] as const;

/** A stored row as the domain sees it; optional fields are left out rather than set to null. */
export function toObservation(row: ObservationRow): Observation {
  const indicator = row.indicator as IndicatorId;
  const kind = catalog.indicators[indicator]?.kind;
  const o: Observation = {
    id: row.id,
    indicator,
    value: kind === 'bool' ? row.value !== 0 : Number(row.value),
    observedAt: row.observed_at,
    source: row.source as ObservationSource,
  };
  if (row.peer_worker_id !== null) o.workerId = row.peer_worker_id;
  if (row.unit_id !== null) o.unitId = row.unit_id;
  if (row.source_ref != null) o.sourceRef = row.source_ref;
  if (row.recorded_by != null) o.recordedBy = row.recorded_by;
  if (row.note != null) o.note = row.note;
  return o;
}

/** The numeric form a value is stored in (true/false as 1/0). */
export function toStoredValue(value: number | boolean): number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
