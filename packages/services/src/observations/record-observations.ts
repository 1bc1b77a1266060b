/** Records dated worker-level observations for a supervised PSW outside a session, with an audit event, in one transaction. */
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { idSchema } from '../schemas';
import { workerObservationSchema } from './observation-input';
import { refuseFutureDates, storeObservations } from './store-observations';

export const recordObservationsInput = z.object({
  requestId: requestIdSchema.optional(),
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
  const { requestId, ...parsed } = parseServiceInput(recordObservationsInput, input);
  refuseFutureDates(parsed.observations);
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, parsed.workerId);
    parsed.observations.forEach((o, i) => {
      if (o.observedAt < worker.startedOn)
        throw invalidField(
          `observations.${i}.observedAt`,
          `a date on or after the PSW started (${worker.startedOn})`,
        );
    });
    return idempotentCreate(
      trx,
      actor,
      { operation: 'observation.create', requestId, content: parsed },
      async () => {
        const observationIds = await storeObservations(
          trx,
          actor,
          { workerId: worker.id },
          parsed.observations,
          {
            action: 'observation.create',
            entityType: 'peer_worker',
            entityId: worker.id,
          },
        );
        return { observationIds };
      },
    );
  });
}
