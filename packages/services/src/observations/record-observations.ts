/** Records dated worker-level observations for a supervised PSW outside a session, with an audit event, in one transaction. */
import { insertObservations } from '@peerbridge/db';
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, todayIso } from '../db';
import { invalidField, parseServiceInput } from '../errors';
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
    const rows = await insertObservations(
      trx,
      actor.organizationId,
      parsed.observations.map((o) => ({
        workerId: worker.id,
        indicator: o.indicator,
        value: o.value,
        observedAt: o.observedAt,
        source: o.source,
        recordedBy: actor.userId,
        note: o.note ?? null,
      })),
    );
    await recordAudit(trx, actor, {
      action: 'observation.create',
      entityType: 'peer_worker',
      entityId: worker.id,
      details: { observations: rows.map((r) => r.id) },
    });
    return { observationIds: rows.map((r) => r.id) };
  });
}
