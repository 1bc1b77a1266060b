/**
 * The one way services store dated observations a user entered about one PSW or one unit: no date in
 * the future, inserted through the db repository and audited, in the caller's transaction.
 */
import { insertObservations, type NewObservationInput } from '@peerbridge/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { refreshStoredAssessments } from '../caseload/stored-assessments';
import { type DbOrTrx, todayIso } from '../db';
import { invalidField } from '../errors';

/** A value as the forms and procedures accept it, dated by whoever recorded it. */
export interface DatedObservation {
  indicator: string;
  value: number | boolean;
  observedAt: string;
  source: NewObservationInput['source'];
  note?: string | null | undefined;
  /** What the observation came from beyond its source, e.g. the check-in of a `self_report`. */
  sourceRef?: string | null | undefined;
}

/** Fails on the first observation dated after today, naming its field; call it before opening a transaction. */
export function refuseFutureDates(observations: readonly DatedObservation[]): void {
  const today = todayIso();
  observations.forEach((o, i) => {
    if (o.observedAt > today)
      throw invalidField(`observations.${i}.observedAt`, 'a date that is not in the future');
  });
}

/** Inserts the observations about `subject` and one audit event naming them; returns their ids. */
export async function storeObservations(
  trx: DbOrTrx,
  actor: Actor,
  subject: { workerId: string } | { unitId: string },
  observations: readonly DatedObservation[],
  audit: { action: string; entityType: string; entityId: string },
): Promise<string[]> {
  const rows = await insertObservations(
    trx,
    actor.organizationId,
    observations.map((o) => ({
      ...subject,
      indicator: o.indicator,
      value: o.value,
      observedAt: o.observedAt,
      source: o.source,
      recordedBy: actor.userId,
      note: o.note ?? null,
      sourceRef: o.sourceRef ?? null,
    })),
  );
  const observationIds = rows.map((r) => r.id);
  await recordAudit(trx, actor, { ...audit, details: { observations: observationIds } });
  // A unit's observation is evidence for every PSW of that unit (`groupEvidence`).
  await refreshStoredAssessments(
    trx,
    actor.organizationId,
    'workerId' in subject ? { workerIds: [subject.workerId] } : { unitIds: [subject.unitId] },
  );
  return observationIds;
}
