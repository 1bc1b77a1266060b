/** Records a supervision session and the check-in observations made in it, with its audit event, in one transaction. */

import { insertObservations } from '@peerbridge/db';
import { isoDateSchema } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, newId, nowIso, todayIso } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { sessionObservationSchema } from '../observations/observation-input';
import { idSchema } from '../schemas';

const NOTES_MAX = 20_000;

export const recordSessionInput = z.object({
  workerId: idSchema,
  heldOn: isoDateSchema,
  kind: z
    .enum(['individual', 'group', 'informal'], { message: 'expected individual, group or informal' })
    .default('individual'),
  minutes: z
    .number()
    .int({ message: 'expected whole minutes from 0 to 1440' })
    .min(0, { message: 'expected whole minutes from 0 to 1440' })
    .max(1440, { message: 'expected whole minutes from 0 to 1440' })
    .optional(),
  privateNotes: z
    .string()
    .max(NOTES_MAX, { message: `expected at most ${NOTES_MAX} characters` })
    .optional(),
  observations: z
    .array(sessionObservationSchema)
    .max(100, { message: 'expected at most 100 observations' })
    .default([]),
});

export interface RecordedSession {
  sessionId: string;
  observationIds: string[];
}

export async function recordSession(
  db: Db,
  actor: Actor,
  input: z.input<typeof recordSessionInput>,
): Promise<RecordedSession> {
  const parsed = parseServiceInput(recordSessionInput, input);
  if (parsed.heldOn > todayIso()) throw invalidField('heldOn', 'a date that is not in the future');
  return db.transaction().execute(async (trx) => {
    const worker = await loadSupervisedWorker(trx, actor, parsed.workerId);
    if (parsed.heldOn < worker.startedOn) {
      throw invalidField('heldOn', `a date on or after the PSW started (${worker.startedOn})`);
    }
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
    return { sessionId, observationIds: rows.map((r) => r.id) };
  });
}
