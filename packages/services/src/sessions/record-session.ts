/** Records a supervision session and the check-in observations made in it, with its audit event, in one transaction. */

import { insertObservations } from '@peerbridge/db';
import { isoDateSchema } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { refreshStoredAssessments } from '../caseload/stored-assessments';
import { type Db, newId, nowIso, todayIso } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { idSchema } from '../schemas';
import { checkPlannedOn, replaceOpenPlan, resolveOpenPlan, sessionPlanSchema } from './planned-session';
import {
  checkSessionContent,
  sessionKindSchema,
  sessionMinutesSchema,
  sessionNotesSchema,
  sessionObservationsSchema,
} from './session-content';

export const recordSessionInput = z
  .object({
    /** The client's id for this submit: a retry with it returns the first session. */
    requestId: requestIdSchema.optional(),
    workerId: idSchema,
    heldOn: isoDateSchema,
    kind: sessionKindSchema.default('individual'),
    minutes: sessionMinutesSchema.optional(),
    privateNotes: sessionNotesSchema.optional(),
    /** What the supervisor chooses to share with the PSW (ADR 0031); the private notes never are. */
    sharedSummary: sessionNotesSchema.optional(),
    observations: sessionObservationsSchema.default([]),
    /** "Held, nothing to record": the session took place but there is nothing to write down. */
    nothingToRecord: z.boolean({ message: 'expected true or false' }).default(false),
    /** The next supervision, planned while recording this one (ADR 0036). */
    next: sessionPlanSchema.optional(),
  })
  .superRefine(checkSessionContent);

export interface RecordedSession {
  sessionId: string;
  observationIds: string[];
  /** The plan made for the next session, if one was given. */
  nextPlanId: string | null;
}

export async function recordSession(
  db: Db,
  actor: Actor,
  input: z.input<typeof recordSessionInput>,
): Promise<RecordedSession> {
  const { requestId, ...parsed } = parseServiceInput(recordSessionInput, input);
  if (parsed.heldOn > todayIso()) throw invalidField('heldOn', 'a date that is not in the future');
  if (parsed.next) checkPlannedOn(parsed.next.plannedOn, 'next.plannedOn');
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, parsed.workerId);
    if (parsed.heldOn < worker.startedOn) {
      throw invalidField('heldOn', `a date on or after the PSW started (${worker.startedOn})`);
    }
    return idempotentCreate(
      trx,
      actor,
      { operation: 'session.create', requestId, content: parsed },
      async () => {
        const sessionId = newId();
        const createdAt = nowIso();
        await trx
          .insertInto('supervision_session')
          .values({
            id: sessionId,
            organization_id: actor.organizationId,
            peer_worker_id: worker.id,
            supervisor_user_id: actor.userId,
            held_on: parsed.heldOn,
            kind: parsed.kind,
            minutes: parsed.minutes ?? null,
            private_notes: parsed.privateNotes ?? null,
            shared_summary:
              (parsed.sharedSummary ?? '').trim() === '' ? null : (parsed.sharedSummary ?? null),
            nothing_to_record: parsed.nothingToRecord ? 1 : 0,
            created_at: createdAt,
          })
          .execute();
        const rows = await insertObservations(
          trx,
          actor.organizationId,
          parsed.observations.map((o) => ({
            workerId: worker.id,
            indicator: o.indicator,
            value: o.value,
            observedAt: parsed.heldOn,
            source: o.source,
            sourceRef: `session:${sessionId}`,
            recordedBy: actor.userId,
            note: o.note ?? null,
            sessionId,
          })),
        );
        await recordAudit(trx, actor, {
          action: 'session.create',
          entityType: 'supervision_session',
          entityId: sessionId,
          details: { workerId: worker.id, heldOn: parsed.heldOn, observations: rows.length },
        });
        await resolveOpenPlan(trx, actor, worker.id, { id: sessionId, heldOn: parsed.heldOn });
        const next = parsed.next ? await replaceOpenPlan(trx, actor, worker.id, parsed.next) : null;
        await refreshStoredAssessments(trx, actor.organizationId, { workerIds: [worker.id] });
        return { sessionId, observationIds: rows.map((r) => r.id), nextPlanId: next?.id ?? null };
      },
    );
  });
}
