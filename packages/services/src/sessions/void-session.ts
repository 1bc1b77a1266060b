/**
 * Voids a session with a reason (ADR 0010): it stays listed as voided, with who, when and why, and
 * leaves the evidence; its observations leave `observation` and are kept in the void's revision.
 */
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { refreshStoredAssessments } from '../caseload/stored-assessments';
import type { Db } from '../db';
import { conflict, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { idSchema } from '../schemas';
import {
  changeReasonSchema,
  keepRevision,
  loadSessionForChange,
  refuseIfStale,
  sessionRevisionSchema,
} from './session-change';

export const voidSessionInput = z.object({
  requestId: requestIdSchema.optional(),
  workerId: idSchema,
  sessionId: idSchema,
  revision: sessionRevisionSchema,
  reason: changeReasonSchema,
});

export interface VoidedSession {
  sessionId: string;
  revision: number;
  voidedAt: string;
  /** How many observations left the evidence with it. */
  observationsWithdrawn: number;
}

export async function voidSession(
  db: Db,
  actor: Actor,
  input: z.input<typeof voidSessionInput>,
): Promise<VoidedSession> {
  const { requestId, ...parsed } = parseServiceInput(voidSessionInput, input);
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, parsed.workerId);
    return idempotentCreate(
      trx,
      actor,
      { operation: 'session.void', requestId, content: parsed },
      async () => {
        const session = await loadSessionForChange(trx, actor, worker.id, parsed.sessionId);
        if (session.voidedAt !== null) {
          throw conflict(`sessionId: this session was already voided at ${session.voidedAt}`);
        }
        await refuseIfStale(trx, actor, session, parsed.revision);
        const reason = parsed.reason.trim();
        const { revisionId, changedAt } = await keepRevision(trx, actor, session, 'void', reason);
        const updated = await trx
          .updateTable('supervision_session')
          .set({
            revision: session.revision + 1,
            voided_at: changedAt,
            voided_by: actor.userId,
            void_reason: reason,
          })
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', session.id)
          .where('revision', '=', session.revision)
          .where('voided_at', 'is', null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          throw conflict('revision: this session changed while it was being voided; reload it and try again');
        }
        await recordAudit(trx, actor, {
          action: 'session.void',
          entityType: 'supervision_session',
          entityId: session.id,
          details: {
            workerId: worker.id,
            revision: session.revision + 1,
            revisionId,
            reason,
            observations: session.content.observations.length,
          },
        });
        await refreshStoredAssessments(trx, actor.organizationId, { workerIds: [worker.id] });
        return {
          sessionId: session.id,
          revision: session.revision + 1,
          voidedAt: changedAt,
          observationsWithdrawn: session.content.observations.length,
        };
      },
    );
  });
}
