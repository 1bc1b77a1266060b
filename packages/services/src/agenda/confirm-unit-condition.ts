/**
 * A supervisor confirms for the unit what a PSW shared about a unit condition in their check-in (desk,
 * team meetings, client information; issue 12 item 2, ADR 0041). The PSW's `self_report` stays theirs;
 * the confirmation is a new unit observation with the same value and day, source `supervision`, its
 * `source_ref` the self-report's id, stored through the one `storeUnitObservations` (audited as
 * `unit_observation.create`). Only a supervisor assigned to that PSW may confirm, and only for that
 * PSW's unit; any other observation id, or one of a PSW they do not supervise, is the same NOT_FOUND.
 * Confirming twice records once and says so.
 */
import { checkInUnitConditions } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker, requireSupervisor } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { storeUnitObservations } from '../admin/units';
import type { Db, DbOrTrx } from '../db';
import { invalidField, notFound, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { idSchema } from '../schemas';

export const confirmUnitConditionInput = z.object({
  requestId: requestIdSchema.optional(),
  /** The PSW's shared check-in answer (a `self_report` observation) about a unit condition. */
  observationId: idSchema,
});

export interface UnitConditionConfirmation {
  unitId: string;
  /** The unit observation that records the confirmation. */
  observationId: string;
  /** True when it had been confirmed before: nothing new was recorded. */
  alreadyConfirmed: boolean;
}

const unitConditions: ReadonlySet<string> = new Set(checkInUnitConditions);

/**
 * Whether an observation is a PSW's own shared check-in answer (a `self_report` naming its check-in,
 * not one a supervisor typed in) about a unit condition, which the supervisor may confirm for the unit.
 */
export const isConfirmableForUnit = (o: {
  indicator: string;
  source: string;
  source_ref: string | null;
}): boolean => o.source === 'self_report' && o.source_ref !== null && unitConditions.has(o.indicator);

/** The unit observations confirming any of these self-reports: self-report id -> unit observation id. */
export async function unitConfirmationsOf(
  db: DbOrTrx,
  organizationId: string,
  unitId: string,
  selfReportIds: readonly string[],
): Promise<Map<string, string>> {
  if (selfReportIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('observation')
    .select(['id', 'source_ref'])
    .where('organization_id', '=', organizationId)
    .where('unit_id', '=', unitId)
    .where('source', '=', 'supervision')
    .where('source_ref', 'in', [...selfReportIds])
    .orderBy('id')
    .execute();
  const confirmed = new Map<string, string>();
  for (const r of rows)
    if (r.source_ref !== null && !confirmed.has(r.source_ref)) confirmed.set(r.source_ref, r.id);
  return confirmed;
}

export async function confirmUnitCondition(
  db: Db,
  actor: Actor,
  input: z.input<typeof confirmUnitConditionInput>,
): Promise<UnitConditionConfirmation> {
  requireSupervisor(actor);
  const { requestId, observationId } = parseServiceInput(confirmUnitConditionInput, input);
  return db.transaction().execute(async (trx) => {
    // Joined to the caller's assignment, so "missing" and "not your PSW" are one answer.
    const report = await trx
      .selectFrom('observation as o')
      .innerJoin('supervisor_assignment as a', (j) =>
        j.onRef('a.peer_worker_id', '=', 'o.peer_worker_id').on('a.supervisor_user_id', '=', actor.userId),
      )
      .select(['o.id', 'o.peer_worker_id', 'o.indicator', 'o.value', 'o.observed_at', 'o.source'])
      .select('o.source_ref')
      .where('o.id', '=', observationId)
      .where('o.organization_id', '=', actor.organizationId)
      .where('a.organization_id', '=', actor.organizationId)
      .executeTakeFirst();
    if (!report || report.peer_worker_id === null) throw notFound('Observation');
    if (!isConfirmableForUnit(report))
      throw invalidField(
        'observationId',
        "a PSW's shared check-in answer about a unit condition (desk, team meetings, client information)",
      );
    const worker = await loadSupervisedWorker(trx, actor, report.peer_worker_id);
    const unitId = worker.unit.id;
    return idempotentCreate(
      trx,
      actor,
      { operation: 'unit_condition.confirm', requestId, content: { observationId } },
      async (): Promise<UnitConditionConfirmation> => {
        const confirmations = await unitConfirmationsOf(trx, actor.organizationId, unitId, [report.id]);
        const before = confirmations.get(report.id);
        if (before !== undefined) return { unitId, observationId: before, alreadyConfirmed: true };
        const [id] = await storeUnitObservations(trx, actor, unitId, [
          {
            indicator: report.indicator,
            value: report.value,
            // The day the PSW answered: what is confirmed is how the condition was for them then.
            observedAt: report.observed_at,
            source: 'supervision',
            sourceRef: report.id,
          },
        ]);
        return { unitId, observationId: id as string, alreadyConfirmed: false };
      },
    );
  });
}
