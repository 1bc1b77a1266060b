/**
 * The observations behind a supervised PSW's assessment at `asOf`: their own and their unit's, over the
 * current and the previous window (what the trend compares), newest first, so every "why" can show
 * the date and source of each piece of evidence.
 */
import { defaultRuleset, type Observation } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { type Db, todayIso } from '../db';
import { parseServiceInput } from '../errors';
import { evidenceStart } from '../evidence/load-evidence';
import { observationColumns, toObservation } from '../evidence/observation-rows';
import { asOfSchema, idSchema } from '../schemas';

export const listWorkerObservationsInput = z.object({ workerId: idSchema, asOf: asOfSchema });

export async function listWorkerObservations(
  db: Db,
  actor: Actor,
  input: z.input<typeof listWorkerObservationsInput>,
): Promise<Observation[]> {
  const { workerId, asOf = todayIso() } = parseServiceInput(listWorkerObservationsInput, input);
  const worker = await loadSupervisedWorker(db, actor, workerId);
  const rows = await db
    .selectFrom('observation')
    .select(observationColumns)
    .where('organization_id', '=', actor.organizationId)
    .where((eb) => eb.or([eb('peer_worker_id', '=', worker.id), eb('unit_id', '=', worker.unit.id)]))
    .where('observed_at', '>', evidenceStart(asOf, defaultRuleset.windowDays))
    .where('observed_at', '<=', asOf)
    .orderBy('observed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toObservation);
}
