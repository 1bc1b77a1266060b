/**
 * The PSW's recent observations (their own and their unit's, over the assessment's two windows), so
 * every "why" can show dates and sources, and the history can list them; paged, with "show more".
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import type { PagedQuery } from '../ui/show-more-button';
import type { ObservationView } from './evidence-types';

/** The observations loaded so far, or null while the first page loads or when it could not be read. */
export function useWorkerObservations(
  workerId: string,
  enabled = true,
): {
  data: ObservationView[] | null;
  paging: PagedQuery & { error: unknown; refetch: () => Promise<unknown> };
} {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.supervision.observations.infiniteQueryOptions(
      { workerId },
      { getNextPageParam: (page) => page.nextCursor, enabled },
    ),
  );
  if (!query.data) return { data: null, paging: query };
  return {
    data: query.data.pages.flatMap((page) =>
      page.items.map((o) => ({
        id: o.id,
        indicator: o.indicator,
        value: o.value,
        observedAt: o.observedAt,
        source: o.source,
        aboutUnit: o.unitId !== undefined,
        note: o.note,
      })),
    ),
    paging: query,
  };
}
