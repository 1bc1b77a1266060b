/**
 * Amends a session's content (ADR 0010): the content it replaces, observations included, is kept as a
 * revision with who, when and why; the new observations replace the old ones in the evidence. The
 * client sends the revision it edited, and a stale one is refused naming what changed since.
 */
import { insertObservations } from '@peerbridge/db';
import { isoDateSchema } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { refreshStoredAssessments } from '../caseload/stored-assessments';
import { type Db, todayIso } from '../db';
import { conflict, invalidField, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { idSchema } from '../schemas';
import {
  changedFields,
  changeReasonSchema,
  keepRevision,
  loadSessionForChange,
  refuseIfStale,
  sessionRevisionSchema,
} from './session-change';
import {
  checkSessionContent,
  sessionContentIssues,
  sessionKindSchema,
  sessionMinutesSchema,
  sessionNotesSchema,
  sessionObservationsSchema,
} from './session-content';

/**
 * The new content, the revision it was edited from, and why. `observations` and `privateNotes` left out
 * keep the session's own (a form that never revealed the notes cannot wipe them); `[]` and `''` clear them.
 */
export const amendSessionInput = z
  .object({
    requestId: requestIdSchema.optional(),
    workerId: idSchema,
    sessionId: idSchema,
    revision: sessionRevisionSchema,
    reason: changeReasonSchema,
    heldOn: isoDateSchema,
    kind: sessionKindSchema.default('individual'),
    minutes: sessionMinutesSchema.optional(),
    privateNotes: sessionNotesSchema.optional(),
    observations: sessionObservationsSchema.optional(),
    nothingToRecord: z.boolean({ message: 'expected true or false' }).default(false),
  })
  .superRefine((content, ctx) => {
    // With both given the content is known here; otherwise it is checked against the stored session.
    if (content.observations !== undefined && content.privateNotes !== undefined)
      checkSessionContent({ ...content, observations: content.observations }, ctx);
  });

export interface AmendedSession {
  sessionId: string;
  /** The session's revision after the amendment. */
  revision: number;
  observationIds: string[];
  /** The fields that differ from the replaced content. */
  changed: string[];
}

export async function amendSession(
  db: Db,
  actor: Actor,
  input: z.input<typeof amendSessionInput>,
): Promise<AmendedSession> {
  const { requestId, ...parsed } = parseServiceInput(amendSessionInput, input);
  if (parsed.heldOn > todayIso()) throw invalidField('heldOn', 'a date that is not in the future');
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, parsed.workerId);
    if (parsed.heldOn < worker.startedOn) {
      throw invalidField('heldOn', `a date on or after the PSW started (${worker.startedOn})`);
    }
    return idempotentCreate(
      trx,
      actor,
      { operation: 'session.amend', requestId, content: parsed },
      async () => {
        const session = await loadSessionForChange(trx, actor, worker.id, parsed.sessionId);
        if (session.voidedAt !== null) {
          throw conflict(`sessionId: this session was voided at ${session.voidedAt} and cannot be amended`);
        }
        await refuseIfStale(trx, actor, session, parsed.revision);
        const keepObservations = parsed.observations === undefined;
        const privateNotes =
          parsed.privateNotes === undefined ? session.content.private_notes : parsed.privateNotes || null;
        const next = {
          held_on: parsed.heldOn,
          kind: parsed.kind,
          minutes: parsed.minutes ?? null,
          private_notes: privateNotes,
          nothing_to_record: parsed.nothingToRecord ? 1 : 0,
        };
        const issues = sessionContentIssues({
          minutes: parsed.minutes,
          privateNotes: privateNotes ?? undefined,
          observations: parsed.observations ?? session.content.observations,
          nothingToRecord: parsed.nothingToRecord,
        });
        if (issues[0]) throw invalidField(issues[0].path, issues[0].expected);
        const { revisionId } = await keepRevision(trx, actor, session, 'amend', parsed.reason, {
          withdrawObservations: !keepObservations,
        });
        // Only the revision that was read is updated: a concurrent change makes this a refusal, not a loss.
        const updated = await trx
          .updateTable('supervision_session')
          .set({ ...next, revision: session.revision + 1 })
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', session.id)
          .where('revision', '=', session.revision)
          .where('voided_at', 'is', null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          throw conflict(
            'revision: this session changed while it was being amended; reload it and try again',
          );
        }
        // Kept observations move with the session's date; new ones replace the old in the evidence.
        if (keepObservations && next.held_on !== session.content.held_on) {
          await trx
            .updateTable('observation')
            .set({ observed_at: next.held_on })
            .where('organization_id', '=', actor.organizationId)
            .where('session_id', '=', session.id)
            .execute();
        }
        const rows = await insertObservations(
          trx,
          actor.organizationId,
          (parsed.observations ?? []).map((o) => ({
            workerId: worker.id,
            indicator: o.indicator,
            value: o.value,
            observedAt: parsed.heldOn,
            source: o.source,
            sourceRef: `session:${session.id}`,
            recordedBy: actor.userId,
            note: o.note ?? null,
            sessionId: session.id,
          })),
        );
        const changed = changedFields(session.content, {
          ...next,
          observations: keepObservations
            ? session.content.observations
            : rows.map((r) => ({
                id: r.id,
                indicator: r.indicator,
                value: r.value,
                observed_at: r.observedAt,
                source: r.source,
                note: r.note,
                recorded_by: r.recordedBy,
                created_at: r.createdAt,
              })),
        });
        await recordAudit(trx, actor, {
          action: 'session.amend',
          entityType: 'supervision_session',
          entityId: session.id,
          details: {
            workerId: worker.id,
            revision: session.revision + 1,
            revisionId,
            reason: parsed.reason.trim(),
            changed,
          },
        });
        await refreshStoredAssessments(trx, actor.organizationId, { workerIds: [worker.id] });
        return {
          sessionId: session.id,
          revision: session.revision + 1,
          observationIds: keepObservations
            ? session.content.observations.map((o) => o.id)
            : rows.map((r) => r.id),
          changed,
        };
      },
    );
  });
}
