/** The client-generated id every create mutation takes, so a retry or a double click creates nothing twice. */
import { z } from 'zod';

export const requestIdSchema = z.uuid({ message: 'expected a client-generated request id (a UUID)' });

/** The api's edge requires it on every create; in-process callers (CLI, seed) may leave it out. */
export const requestIdInput = z.object({ requestId: requestIdSchema });
