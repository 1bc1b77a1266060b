/**
 * The PSW's recent observations (their own and their unit's, over the assessment's two windows), so
 * every "why" can show dates and sources, and the history can list them.
 */
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import type { ObservationView } from './evidence-types';

/** The observations, or null while they load or when they could not be read. */
export function useWorkerObservations(workerId: string): { data: ObservationView[] | null } {
  const trpc = useTRPC();
  const query = useQuery(trpc.supervision.observations.queryOptions({ workerId }));
  if (!query.data) return { data: null };
  return {
    data: query.data.map((o) => ({
      id: o.id,
      indicator: o.indicator,
      value: o.value,
      observedAt: o.observedAt,
      source: o.source,
      aboutUnit: o.unitId !== undefined,
      note: o.note,
    })),
  };
}
