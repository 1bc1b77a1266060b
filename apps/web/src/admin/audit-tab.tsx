/** The organisation's audit log: filters kept in the URL, names and labels, "Load more", CSV download. */
import { Button, Stack } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { AuditEventsTable } from './audit-events-table';
import { AuditFiltersBar } from './audit-filters-bar';
import { type AuditSearch, auditFiltersOf, auditSearchOf } from './audit-search';

export function AuditTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const search = auditSearchOf(useSearch({ from: '/shell/admin' }));
  const navigate = useNavigate();
  const users = useQuery(trpc.admin.users.queryOptions({ limit: 200 }));
  const workers = useQuery(trpc.admin.workers.queryOptions());
  const events = useInfiniteQuery(
    trpc.admin.auditLog.infiniteQueryOptions(auditFiltersOf(search), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const onChange = (next: AuditSearch) =>
    void navigate({ to: '/admin', search: { tab: 'audit', ...next }, replace: true });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];

  let body: React.ReactNode;
  if (events.isPending) body = <LoadingState />;
  else if (events.isError) body = <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  else if (rows.length === 0) body = <EmptyState title={t('admin.audit.empty')} />;
  else body = <AuditEventsTable rows={rows} />;
  return (
    <Stack gap="sm">
      <AuditFiltersBar
        search={search}
        onChange={onChange}
        people={(users.data?.items ?? []).map((u) => ({ id: u.id, name: u.name }))}
        workers={(workers.data ?? []).map((w) => ({ id: w.id, name: w.displayName }))}
      />
      {body}
      {events.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void events.fetchNextPage()}
          loading={events.isFetchingNextPage}
          w="fit-content"
        >
          {t('admin.audit.older')}
        </Button>
      ) : null}
    </Stack>
  );
}
