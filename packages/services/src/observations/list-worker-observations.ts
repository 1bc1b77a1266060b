/**
 * The observations behind a supervised PSW's assessment at `asOf`: their own and their unit's, over the
 * current and the previous window (what the trend compares), newest first, so every "why" can show
 * the date and source of each piece of evidence. One capped page at a time.
 */
import { defaultRuleset, type Observation } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { type Db, todayIso } from '../db';
import { parseServiceInput } from '../errors';
import { evidenceStart } from '../evidence/load-evidence';
import { observationColumns, toObservation } from '../evidence/observation-rows';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { asOfSchema, idSchema } from '../schemas';

/** Observations per page: 200 by default, at most 500. */
export const listWorkerObservationsInput = z.object({
  workerId: idSchema,
  asOf: asOfSchema,
  ...pageFields(200, 500),
});

export async function listWorkerObservations(
  db: Db,
  actor: Actor,
  input: z.input<typeof listWorkerObservationsInput>,
): Promise<Page<Observation>> {
  const {
    workerId,
    asOf = todayIso(),
    limit,
    cursor,
  } = parseServiceInput(listWorkerObservationsInput, input);
  const after = cursor ? decodeCursor(cursor, ['string', 'string'] as const) : null;
  const worker = await loadSupervisedWorker(db, actor, workerId);
  let query = db
    .selectFrom('observation')
    .select(observationColumns)
    .where('organization_id', '=', actor.organizationId)
    .where((eb) => eb.or([eb('peer_worker_id', '=', worker.id), eb('unit_id', '=', worker.unit.id)]))
    .where('observed_at', '>', evidenceStart(asOf, defaultRuleset.windowDays))
    .where('observed_at', '<=', asOf);
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
