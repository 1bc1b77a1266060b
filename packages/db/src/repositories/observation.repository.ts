/** Observations: evidence about a peer worker or a unit (never study data: see study_observation). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { ObservationSourceName } from '../tables/supervision.table';
import { chunked, insertInChunks } from './bulk-insert';
import { type DateRange, ID_LIST_CHUNK } from './date-range';
import { nowTimestamp } from './timestamps';

export interface ObservationRecord {
  id: string;
  organizationId: string;
  /** Exactly one of workerId and unitId is set. */
  workerId: string | null;
  unitId: string | null;
  indicator: string;
  /** likert 1..5, bool 0/1, or an event count: the caller maps bool to boolean with the catalog. */
  value: number;
  observedAt: string;
  source: ObservationSourceName;
  sourceRef: string | null;
  recordedBy: string | null;
  note: string | null;
  sessionId: string | null;
  createdAt: string;
}

export interface NewObservationInput {
  id?: string;
  workerId?: string | null;
  unitId?: string | null;
  indicator: string;
  /** A boolean is stored as 0/1. */
  value: number | boolean;
  observedAt: string;
  source: ObservationSourceName;
  sourceRef?: string | null;
  recordedBy?: string | null;
  note?: string | null;
  sessionId?: string | null;
}

const columns = [
  'id',
  'organization_id as organizationId',
  'peer_worker_id as workerId',
  'unit_id as unitId',
  'indicator',
  'value',
  'observed_at as observedAt',
  'source',
  'source_ref as sourceRef',
  'recorded_by as recordedBy',
  'note',
  'session_id as sessionId',
  'created_at as createdAt',
] as const;

const insertColumns = [
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
] as const;

/**
 * Checks that every worker and unit the rows name belongs to the organisation, so a row cannot
 * attach evidence to another organisation's PSW.
 */
async function assertSubjectsInOrganization(
  db: Kysely<Database>,
  organizationId: string,
  rows: readonly NewObservationInput[],
): Promise<void> {
  const workerIds = [...new Set(rows.flatMap((r) => (r.workerId ? [r.workerId] : [])))];
  const unitIds = [...new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : [])))];
  for (const [table, ids] of [
    ['peer_worker', workerIds],
    ['unit', unitIds],
  ] as const) {
    for (const chunk of chunked(ids, ID_LIST_CHUNK)) {
      const found = await db
        .selectFrom(table)
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('id', 'in', chunk)
        .execute();
      if (found.length !== chunk.length) {
        const known = new Set(found.map((f) => f.id));
        const missing = chunk.filter((id) => !known.has(id));
        throw new Error(`${table} ${missing.join(', ')} does not exist in organization ${organizationId}`);
      }
    }
  }
}

/**
 * Inserts observations in multi-row chunks and returns the stored records. Call it inside a
 * transaction (`withTransaction`) when the rows must land all or nothing.
 */
export async function insertObservations(
  db: Kysely<Database>,
  organizationId: string,
  rows: readonly NewObservationInput[],
): Promise<ObservationRecord[]> {
  rows.forEach((row, index) => {
    if (Boolean(row.workerId) === Boolean(row.unitId)) {
      throw new Error(`Observation ${index} (${row.indicator}): give exactly one of workerId and unitId`);
    }
  });
  await assertSubjectsInOrganization(db, organizationId, rows);
  const createdAt = nowTimestamp();
  const records: ObservationRecord[] = rows.map((row) => ({
    id: row.id ?? randomUUID(),
    organizationId,
    workerId: row.workerId ?? null,
    unitId: row.unitId ?? null,
    indicator: row.indicator,
    value: typeof row.value === 'boolean' ? (row.value ? 1 : 0) : row.value,
    observedAt: row.observedAt,
    source: row.source,
    sourceRef: row.sourceRef ?? null,
    recordedBy: row.recordedBy ?? null,
    note: row.note ?? null,
    sessionId: row.sessionId ?? null,
    createdAt,
  }));
  await insertInChunks(
    db,
    'observation',
    insertColumns,
    records.map((r) => ({
      id: r.id,
      organization_id: r.organizationId,
      peer_worker_id: r.workerId,
      unit_id: r.unitId,
      indicator: r.indicator,
      value: r.value,
      observed_at: r.observedAt,
      source: r.source,
      source_ref: r.sourceRef,
      recorded_by: r.recordedBy,
      note: r.note,
      session_id: r.sessionId,
      created_at: r.createdAt,
    })),
  );
  return records;
}

async function listBy(
  db: Kysely<Database>,
  organizationId: string,
  column: 'peer_worker_id' | 'unit_id',
  ids: readonly string[],
  range: DateRange,
): Promise<ObservationRecord[]> {
  const results: ObservationRecord[] = [];
  for (const chunk of chunked([...new Set(ids)], ID_LIST_CHUNK)) {
    let query = db
      .selectFrom('observation')
      .select(columns)
      .where('organization_id', '=', organizationId)
      .where(column, 'in', chunk);
    if (range.from !== undefined) query = query.where('observed_at', '>=', range.from);
    if (range.to !== undefined) query = query.where('observed_at', '<=', range.to);
    for (const row of await query.execute()) results.push(row);
  }
  // Date then id: the order the domain's "latest wins, greater id breaks ties" rule expects.
  return results.sort((a, b) =>
    a.observedAt === b.observedAt
      ? a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0
      : a.observedAt < b.observedAt
        ? -1
        : 1,
  );
}

/** Observations of the given workers within the (inclusive) date range, oldest first. */
export function listObservationsForWorkers(
  db: Kysely<Database>,
  organizationId: string,
  workerIds: readonly string[],
  range: DateRange = {},
): Promise<ObservationRecord[]> {
  return listBy(db, organizationId, 'peer_worker_id', workerIds, range);
}

/** Unit-level observations of the given units within the (inclusive) date range, oldest first. */
export function listObservationsForUnits(
  db: Kysely<Database>,
  organizationId: string,
  unitIds: readonly string[],
  range: DateRange = {},
): Promise<ObservationRecord[]> {
  return listBy(db, organizationId, 'unit_id', unitIds, range);
}
