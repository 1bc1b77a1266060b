/** Records dated worker-level observations for a supervised PSW outside a session, with an audit event, in one transaction. */
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, newId, nowIso, todayIso } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { toStoredValue } from '../evidence/observation-rows';
import { idSchema } from '../schemas';
import { workerObservationSchema } from './observation-input';

export const recordObservationsInput = z.object({
  workerId: idSchema,
  observations: z
    .array(workerObservationSchema)
    .min(1, { message: 'expected at least one observation' })
    .max(200, { message: 'expected at most 200 observations' }),
});

export async function recordObservations(
  db: Db,
  actor: Actor,
  input: z.input<typeof recordObservationsInput>,
): Promise<{ observationIds: string[] }> {
  const parsed = parseServiceInput(recordObservationsInput, input);
  const today = todayIso();
  parsed.observations.forEach((o, i) => {
    if (o.observedAt > today)
      throw invalidField(`observations.${i}.observedAt`, 'a date that is not in the future');
  });
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, parsed.workerId);
    const createdAt = nowIso();
    const rows = parsed.observations.map((o) => ({
      id: newId(),
      organization_id: actor.organizationId,
      peer_worker_id: worker.id,
      unit_id: null,
      indicator: o.indicator,
      value: toStoredValue(o.value),
      observed_at: o.observedAt,
      source: o.source,
      source_ref: null,
      recorded_by: actor.userId,
      note: o.note ?? null,
      session_id: null,
      created_at: createdAt,
    }));
    await trx.insertInto('observation').values(rows).execute();
    await recordAudit(trx, actor, {
      action: 'observation.create',
      entityType: 'peer_worker',
      entityId: worker.id,
      details: { observations: rows.map((r) => r.id) },
    });
    return { observationIds: rows.map((r) => r.id) };
  });
}
