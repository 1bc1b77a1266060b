/**
 * The PSW's own check-ins a page at a time: each page is an audited read (`own_check_ins.view`, a POST),
 * fetched on arrival and by "Show more". The newest page also feeds the trend.
 */
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC } from '../api/trpc';
import type { PagedQuery } from '../ui/show-more-button';
import { TREND_CHECK_INS } from './own-check-in-trend-model';
import type { OwnCheckInView } from './own-check-in-words';

export function useOwnCheckIns() {
  const trpc = useTRPC();
  const list = useMutation(trpc.ownRecord.checkIns.mutationOptions());
  const { mutateAsync: fetchPage } = list;
  // The pages read so far, in one state so a page and its cursor always arrive together.
  const [read, setRead] = useState<{ items: OwnCheckInView[]; nextCursor: string | null } | null>(null);
  const [moreFailed, setMoreFailed] = useState(false);
  const started = useRef(false);

  const load = useCallback(
    async (cursor: string | null) => {
      const page = await fetchPage({ limit: TREND_CHECK_INS, ...(cursor === null ? {} : { cursor }) });
      setRead((before) => ({
        items: cursor === null || before === null ? page.items : before.items.concat(page.items),
        nextCursor: page.nextCursor,
      }));
    },
    [fetchPage],
  );
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void load(null).catch(() => undefined);
  }, [load]);

  const loaded = read !== null;
  const nextCursor = read?.nextCursor ?? null;
  const more: PagedQuery = {
    hasNextPage: nextCursor !== null,
    isFetchingNextPage: loaded && list.isPending,
    isFetchNextPageError: moreFailed,
    fetchNextPage: async () => {
      setMoreFailed(false);
      await load(nextCursor).catch(() => setMoreFailed(true));
    },
  };
  const retry = () => void load(null).catch(() => undefined);
  return { items: read?.items ?? [], loaded, error: loaded ? null : list.error, retry, more };
}
