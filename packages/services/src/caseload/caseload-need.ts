/** Each caseload row's need (domain `assessNeed`): conflicts, overdue actions, supervision and new self-reports. */
import { type Assessment, assessNeed, type Need, type Observation } from '@peerbridge/domain';

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

/** The need of one caseload row. */
export function caseloadNeed(args: {
  assessment: Assessment;
  startedOn: string;
  lastSessionOn: string | null;
  cadenceDays: number;
  overdueActions: number;
  observations: readonly Pick<Observation, 'source' | 'observedAt'>[];
}): Need {
  const a = args.assessment;
  return assessNeed({
    asOf: a.asOf,
    startedOn: args.startedOn,
    lastSessionOn: args.lastSessionOn,
    cadenceDays: args.cadenceDays,
    conflicts: a.conflicts,
    strainLevel: a.strain.level,
    overdueActions: args.overdueActions,
    newSelfReports: countNewSelfReports(args.observations, args.lastSessionOn, a.asOf),
  });
}
