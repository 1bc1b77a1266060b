/**
 * A supervised PSW's conflicts and strain over time (one assessment per month), for the trend charts:
 * at most 24 months a page; `nextCursor` pages further back.
 */
import { defaultRuleset } from '@peerbridge/domain';
import { z } from 'zod';
import { loadSupervisedWorker } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { addDays } from '../dates';
import { type Db, todayIso } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { assessMemoized } from '../evidence/assess-memo';
import { evidenceStart, loadEvidence } from '../evidence/load-evidence';
import { loadOrganizationSettings } from '../organization/organization-settings';
import { decodeCursor, encodeCursor } from '../paging/cursor-page';
import { asOfSchema, idSchema } from '../schemas';
import { type AssessmentSummary, summarizeAssessment } from './worker-summary';

const DAYS_PER_STEP = 30;

export const getWorkerHistoryInput = z.object({
  workerId: idSchema,
  asOf: asOfSchema,
  months: z
    .number()
    .int({ message: 'expected a whole number of months from 1 to 24' })
    .min(1, { message: 'expected a whole number of months from 1 to 24' })
    .max(24, { message: 'expected a whole number of months from 1 to 24' })
    .default(6),
  /** The `nextCursor` of a previous page: the page then ends where that one began, a month earlier. */
  cursor: z.string().min(1).max(500).nullish(),
});

export interface HistoryPoint extends AssessmentSummary {
  asOf: string;
}

export interface WorkerHistory {
  workerId: string;
  points: HistoryPoint[];
  /** Pages further back in time; null once the page reaches the PSW's start. */
  nextCursor: string | null;
}

/** Points every 30 days from `months` back up to `asOf`, oldest first; the evidence is loaded once. */
export async function getWorkerHistory(
  db: Db,
  actor: Actor,
  input: z.input<typeof getWorkerHistoryInput>,
): Promise<WorkerHistory> {
  const parsed = parseServiceInput(getWorkerHistoryInput, input);
  const { workerId, months } = parsed;
  const asOf = parsed.cursor
    ? decodeCursor(parsed.cursor, ['string'] as const)[0]
    : (parsed.asOf ?? todayIso());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw invalidField('cursor', 'the nextCursor of a previous page');
  const worker = await loadSupervisedWorker(db, actor, workerId);
  const org = await loadOrganizationSettings(db, actor.organizationId);
  const ruleset = defaultRuleset;
  const dates: string[] = [];
  for (let k = months; k >= 0; k--) {
    const d = addDays(asOf, -k * DAYS_PER_STEP);
    if (d >= worker.startedOn) dates.push(d);
  }
  const first = dates[0] ?? asOf;
  const evidence = await loadEvidence(db, {
    organizationId: actor.organizationId,
    workers: [{ id: worker.id, unitId: worker.unit.id }],
    from: evidenceStart(first, ruleset.windowDays),
    to: asOf,
  });
  const ev = evidence.get(worker.id) ?? { observations: [], sessions: [] };
  const points = dates.map((date) => ({
    asOf: date,
    ...summarizeAssessment(
      assessMemoized({
        asOf: date,
        worker: { id: worker.id, startedOn: worker.startedOn, unitId: worker.unit.id },
        unit: { id: worker.unit.id, setting: worker.unit.setting },
        observations: ev.observations,
        sessions: ev.sessions,
        ruleset,
        cadenceDays: org.supervisionCadenceDays,
      }),
    ),
  }));
  const older = addDays(first, -DAYS_PER_STEP);
  const nextCursor = dates.length > 0 && older >= worker.startedOn ? encodeCursor([older]) : null;
  return { workerId: worker.id, points, nextCursor };
}
