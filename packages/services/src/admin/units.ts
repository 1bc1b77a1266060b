/** Admin management of units (wards, services) and their unit-level indicator observations. */

import { catalog, indicatorIds, type Observation } from '@peerbridge/domain';
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { refreshStoredAssessments } from '../caseload/stored-assessments';
import { type Db, type DbOrTrx, newId, nowIso, todayIso } from '../db';
import { conflict, notFound, parseServiceInput } from '../errors';
import { observationColumns, toObservation } from '../evidence/observation-rows';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { unitObservationSchema } from '../observations/observation-input';
import {
  type DatedObservation,
  refuseFutureDates,
  storeObservations,
} from '../observations/store-observations';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { idSchema } from '../schemas';
import { freezeCohorts } from '../team/freeze-cohorts';
import { visibleNameSchema } from '../text-fields';

const unitName = visibleNameSchema('a unit name');
const unitSetting = z.enum(['inpatient', 'community', 'other'], {
  message: 'expected inpatient, community or other',
});

export interface Unit {
  id: string;
  name: string;
  setting: 'inpatient' | 'community' | 'other';
  workerCount: number;
}

/** Loads a unit of the actor's organisation or throws not_found (another organisation's unit is "missing"). */
export async function loadOwnUnit(db: DbOrTrx, actor: Actor, unitId: string) {
  const unit = await db
    .selectFrom('unit')
    .selectAll()
    .where('id', '=', unitId)
    .where('organization_id', '=', actor.organizationId)
    .executeTakeFirst();
  if (!unit) throw notFound('Unit');
  return unit;
}

export async function listUnits(db: Db, actor: Actor): Promise<Unit[]> {
  requireRole(actor, 'admin');
  const rows = await db
    .selectFrom('unit as u')
    .leftJoin('peer_worker as w', (j) => j.onRef('w.unit_id', '=', 'u.id').on('w.status', '<>', 'left'))
    .select(['u.id', 'u.name', 'u.setting', (eb) => eb.fn.count<number>('w.id').as('worker_count')])
    .where('u.organization_id', '=', actor.organizationId)
    .groupBy(['u.id', 'u.name', 'u.setting'])
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    setting: r.setting,
    workerCount: Number(r.worker_count),
  }));
}

export const createUnitInput = z.object({
  requestId: requestIdSchema.optional(),
  name: unitName,
  setting: unitSetting,
});

async function assertNameFree(db: DbOrTrx, actor: Actor, name: string, exceptId?: string): Promise<void> {
  let q = db
    .selectFrom('unit')
    .select('id')
    .where('organization_id', '=', actor.organizationId)
    .where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw conflict(`A unit named "${name}" already exists`);
}

export async function createUnit(
  db: Db,
  actor: Actor,
  input: z.input<typeof createUnitInput>,
): Promise<{ unitId: string }> {
  requireRole(actor, 'admin');
  const { requestId, ...parsed } = parseServiceInput(createUnitInput, input);
  return db.transaction().execute((trx) =>
    idempotentCreate(trx, actor, { operation: 'unit.create', requestId, content: parsed }, async () => {
      await assertNameFree(trx, actor, parsed.name);
      const unitId = newId();
      await trx
        .insertInto('unit')
        .values({
          id: unitId,
          organization_id: actor.organizationId,
          name: parsed.name,
          setting: parsed.setting,
          created_at: nowIso(),
        })
        .execute();
      await recordAudit(trx, actor, {
        action: 'unit.create',
        entityType: 'unit',
        entityId: unitId,
        details: parsed,
      });
      return { unitId };
    }),
  );
}

export const updateUnitInput = z.object({
  unitId: idSchema,
  name: unitName.optional(),
  setting: unitSetting.optional(),
});

export async function updateUnit(
  db: Db,
  actor: Actor,
  input: z.input<typeof updateUnitInput>,
): Promise<{ unitId: string }> {
  requireRole(actor, 'admin');
  const { unitId, ...changes } = parseServiceInput(updateUnitInput, input);
  return db.transaction().execute(async (trx) => {
    await freezeCohorts(trx, actor.organizationId, todayIso()); // before the change (ADR 0013)
    await loadOwnUnit(trx, actor, unitId);
    if (changes.name !== undefined) await assertNameFree(trx, actor, changes.name, unitId);
    const set: { name?: string; setting?: Unit['setting'] } = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.setting !== undefined) set.setting = changes.setting;
    if (Object.keys(set).length > 0)
      await trx.updateTable('unit').set(set).where('id', '=', unitId).execute();
    await recordAudit(trx, actor, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: unitId,
      details: set,
    });
    // The unit's setting is an input of every stored assessment of its PSWs (ADR 0026).
    if (set.setting !== undefined)
      await refreshStoredAssessments(trx, actor.organizationId, { unitIds: [unitId] });
    return { unitId };
  });
}

export const recordUnitObservationsInput = z.object({
  requestId: requestIdSchema.optional(),
  unitId: idSchema,
  observations: z
    .array(unitObservationSchema)
    .min(1, { message: 'expected at least one observation' })
    .max(100, { message: 'expected at most 100 observations' }),
});

/** Unit-level indicators (own workplace, team meetings, supervision on offer...) recorded by an admin. */
export async function recordUnitObservations(
  db: Db,
  actor: Actor,
  input: z.input<typeof recordUnitObservationsInput>,
): Promise<{ observationIds: string[] }> {
  requireRole(actor, 'admin');
  const { requestId, ...parsed } = parseServiceInput(recordUnitObservationsInput, input);
  refuseFutureDates(parsed.observations);
  return db.transaction().execute(async (trx) => {
    await loadOwnUnit(trx, actor, parsed.unitId);
    return idempotentCreate(
      trx,
      actor,
      { operation: 'unit_observation.create', requestId, content: parsed },
      async () => {
        const observationIds = await storeUnitObservations(trx, actor, parsed.unitId, parsed.observations);
        return { observationIds };
      },
    );
  });
}

/**
 * The one way a unit's observations are stored, audited as `unit_observation.create` of the unit: an
 * admin's entries, and a supervisor confirming a PSW's check-in answer for the unit (ADR 0041).
 */
export function storeUnitObservations(
  trx: DbOrTrx,
  actor: Actor,
  unitId: string,
  observations: readonly DatedObservation[],
): Promise<string[]> {
  return storeObservations(trx, actor, { unitId }, observations, {
    action: 'unit_observation.create',
    entityType: 'unit',
    entityId: unitId,
  });
}

const UNIT_INDICATORS = indicatorIds.filter((id) => catalog.indicators[id].level === 'unit');

export const unitIndicatorValuesInput = z.object({ unitId: idSchema });

/**
 * What a unit's indicators stand at: the latest observation of each (latest date, then the greater id,
 * as in the assessment, domain.md section 5), one per indicator however long the unit's history is.
 */
export async function unitIndicatorValues(
  db: Db,
  actor: Actor,
  input: z.input<typeof unitIndicatorValuesInput>,
): Promise<Observation[]> {
  requireRole(actor, 'admin');
  const { unitId } = parseServiceInput(unitIndicatorValuesInput, input);
  await loadOwnUnit(db, actor, unitId);
  const latest = await Promise.all(
    UNIT_INDICATORS.map((indicator) =>
      db
        .selectFrom('observation')
        .select(observationColumns)
        .where('organization_id', '=', actor.organizationId)
        .where('unit_id', '=', unitId)
        .where('indicator', '=', indicator)
        .orderBy('observed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ),
  );
  return latest.filter((row) => row !== undefined).map(toObservation);
}

/** Observations per page: 100 by default, at most 500. */
export const listUnitObservationsInput = z.object({ unitId: idSchema, ...pageFields(100, 500) });

/** A unit's observations, newest first, a page at a time. */
export async function listUnitObservations(
  db: Db,
  actor: Actor,
  input: z.input<typeof listUnitObservationsInput>,
): Promise<Page<Observation>> {
  requireRole(actor, 'admin');
  const { unitId, limit, cursor } = parseServiceInput(listUnitObservationsInput, input);
  const after = cursor ? decodeCursor(cursor, ['string', 'string'] as const) : null;
  await loadOwnUnit(db, actor, unitId);
  let query = db
    .selectFrom('observation')
    .select(observationColumns)
    .where('organization_id', '=', actor.organizationId)
    .where('unit_id', '=', unitId);
  if (after) {
    const [observedAt, id] = after;
    query = query.where((eb) => eb(eb.refTuple('observed_at', 'id'), '<', eb.tuple(observedAt, id)));
  }
  const rows = await query
    .orderBy('observed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => [r.observed_at, r.id], toObservation);
}
