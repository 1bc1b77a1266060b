/** The actions page's team actions (ADR 0042): a page at a time, closed with an outcome and reopened here. */
import { Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { ShowMoreButton } from '../ui/show-more-button';
import { ErrorState, LoadingState } from '../ui/state-views';
import { ActionOutcomeDialog } from './action-outcome-dialog';
import { TeamActionsTable } from './team-actions-table';

export function TeamActionsSection({ status, today }: { status: 'open' | 'done' | 'all'; today: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState<{ id: string; title: string } | null>(null);
  const list = useInfiniteQuery(
    trpc.team.actions.infiniteQueryOptions({ status }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.team.actions.pathKey() });
  const complete = useMutation(trpc.team.completeAction.mutationOptions({ onSuccess: refresh }));
  const reopen = useMutation(trpc.team.reopenAction.mutationOptions({ onSuccess: refresh }));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  let body: React.ReactNode;
  if (list.isPending) body = <LoadingState />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {t('teamActions.empty')}
      </Text>
    );
  else
    body = (
      <TeamActionsTable
        items={items}
        today={today}
        onClose={(item, title) => setClosing({ id: item.id, title })}
        onReopen={(item) => reopen.mutate({ actionId: item.id })}
        reopening={reopen.isPending ? (reopen.variables?.actionId ?? null) : null}
        footer={<ShowMoreButton query={list} testId="team-actions-show-more" />}
      />
    );
  return (
    <Stack gap="sm" data-testid="team-actions">
      <Title order={2} fz="h3">
        {t('teamActions.listTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('teamActions.listHint')}
      </Text>
      {reopen.isError ? <ErrorState error={reopen.error} /> : null}
      {body}
      {closing ? (
        <ActionOutcomeDialog action={closing} onClose={() => setClosing(null)} mutation={complete} />
      ) : null}
    </Stack>
  );
}
