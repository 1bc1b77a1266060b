/**
 * What the caseload's need (domain `assessNeed`, ranked on every read) takes from the evidence besides
 * the assessment: the new self-reports, stored with the assessment (ADR 0026).
 */
import type { Observation } from '@peerbridge/domain';

/** The self-reported check-ins (distinct days) after the last session, or in the window when there was none. */
export function countNewSelfReports(
  observations: readonly Pick<Observation, 'source' | 'observedAt'>[],
  lastSessionOn: string | null,
  asOf: string,
): number {
  const days = new Set<string>();
  for (const o of observations)
    if (
      o.source === 'self_report' &&
      o.observedAt <= asOf &&
      (lastSessionOn === null || o.observedAt > lastSessionOn)
    )
      days.add(o.observedAt);
  return days.size;
}
