/** Action items: the actor's and those of the PSWs they supervise, with owner and due date; closed with an outcome, reopened here. */
import { Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { RequireRole } from '../auth/require-role';
import { hasAnyRole, useMe } from '../auth/use-me';
import { DueBadge } from '../ui/overdue-badge';
import { AnchorLink } from '../ui/router-links';
import { ScrollTable } from '../ui/scroll-table';
import { ShowMoreButton } from '../ui/show-more-button';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { ActionOutcomeDialog, useActionRefresh } from './action-outcome-dialog';
import { ActionOwnerText } from './action-owner-text';
import { useActionTitle } from './action-title';
import { ClosedActionCell } from './closed-action-cell';
import { TeamActionsSection } from './team-actions-section';

type StatusFilter = 'open' | 'done' | 'all';

export function ActionsPage() {
  return (
    <RequireRole roles={['admin', 'supervisor']}>
      <Actions />
    </RequireRole>
  );
}

function Actions() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const titleOf = useActionTitle();
  const refresh = useActionRefresh();
  const [closing, setClosing] = useState<{ id: string; title: string } | null>(null);
  const [status, setStatus] = useState<StatusFilter>('open');
  useDocumentTitle(t('actions.title'));
  // Admins who supervise nobody see only the team actions (ADR 0042).
  const isSupervisor = hasAnyRole(useMe().data, ['supervisor']);
  const list = useInfiniteQuery({
    ...trpc.supervision.actions.infiniteQueryOptions(
      { status },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    enabled: isSupervisor,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const reopen = useMutation(trpc.supervision.reopenAction.mutationOptions({ onSuccess: refresh }));
  const today = new Date().toISOString().slice(0, 10);

  let body: React.ReactNode;
  if (list.isPending) body = <LoadingState />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0)
    body = <EmptyState title={t('actions.empty')}>{t('actions.emptyHint')}</EmptyState>;
  else
    body = (
      <ScrollTable minWidth={640}>
        <Table striped verticalSpacing="sm" data-testid="actions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('actions.col.title')}</Table.Th>
              <Table.Th>{t('actions.col.worker')}</Table.Th>
              <Table.Th>{t('actions.col.owner')}</Table.Th>
              <Table.Th>{t('actions.col.due')}</Table.Th>
              <Table.Th>{t('actions.col.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const title = titleOf(item);
              return (
                <Table.Tr key={item.id} data-testid="action-row" data-status={item.status}>
                  <Table.Td>{title}</Table.Td>
                  <Table.Td>
                    {item.supervisesWorker ? (
                      <AnchorLink to="/workers/$workerId" params={{ workerId: item.workerId }}>
                        {item.workerName}
                      </AnchorLink>
                    ) : (
                      <Text size="sm">{item.workerName}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ActionOwnerText owner={item.owner} />
                  </Table.Td>
                  <Table.Td>
                    <DueBadge item={item} today={today} />
                  </Table.Td>
                  <Table.Td>
                    {item.status === 'open' ? (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setClosing({ id: item.id, title })}
                        aria-label={t('actions.closeFor', { title })}
                      >
                        {t('actions.close')}
                      </Button>
                    ) : (
                      <ClosedActionCell
                        item={item}
                        title={title}
                        reopening={reopen.isPending && reopen.variables?.actionId === item.id}
                        onReopen={() => reopen.mutate({ actionId: item.id })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <ShowMoreButton query={list} testId="actions-show-more" />
      </ScrollTable>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('actions.title')}</Title>
        <SegmentedControl
          aria-label={t('actions.filter')}
          value={status}
          onChange={(v) => setStatus(v as StatusFilter)}
          data={[
            { value: 'open', label: t('actions.status.open') },
            { value: 'done', label: t('actions.status.done') },
            { value: 'all', label: t('actions.status.all') },
          ]}
        />
      </Group>
      {reopen.isError ? <ErrorState error={reopen.error} /> : null}
      {isSupervisor ? body : null}
      <TeamActionsSection status={status} today={today} />
      {closing ? <ActionOutcomeDialog action={closing} onClose={() => setClosing(null)} /> : null}
    </Stack>
  );
}
