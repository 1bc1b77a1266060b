/** Zod pieces shared by the use cases' input schemas (domain schemas are reused, not redefined). */
import { isoDateSchema } from '@peerbridge/domain';
import { z } from 'zod';

/** A record id as the api hands them out. */
export const idSchema = z
  .string()
  .min(1, { message: 'expected a record id' })
  .max(100, { message: 'expected a record id' });

/** An optional `asOf` date; today when left out. */
export const asOfSchema = isoDateSchema.optional();

export const workerRefSchema = z.object({ workerId: idSchema });
