/** Action items from accepted cards: open ones with their due dates, marked done here. */
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { RequireRole } from '../auth/require-role';
import { useFormat } from '../i18n/format';
import { AnchorLink } from '../ui/router-links';
import { ScrollTable } from '../ui/scroll-table';
import { ShowMoreButton } from '../ui/show-more-button';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';

type StatusFilter = 'open' | 'done' | 'all';

export function ActionsPage() {
  return (
    <RequireRole roles={['supervisor']}>
      <Actions />
    </RequireRole>
  );
}

function Actions() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fmt = useFormat();
  const [status, setStatus] = useState<StatusFilter>('open');
  useDocumentTitle(t('actions.title'));
  const list = useInfiniteQuery(
    trpc.supervision.actions.infiniteQueryOptions(
      { status },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const complete = useMutation(
    trpc.supervision.completeAction.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.supervision.actions.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.supervision.caseload.queryKey() });
      },
    }),
  );
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
              <Table.Th>{t('actions.col.due')}</Table.Th>
              <Table.Th>{t('actions.col.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const late = item.status === 'open' && item.dueOn !== null && item.dueOn < today;
              return (
                <Table.Tr key={item.id} data-testid="action-row">
                  <Table.Td>{item.title}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/workers/$workerId" params={{ workerId: item.workerId }}>
                      {item.workerName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={late ? 700 : 400} {...(late ? { c: 'red.9' } : {})}>
                        {item.dueOn ? fmt.date(item.dueOn) : '—'}
                      </Text>
                      {late ? (
                        <Badge color="red.9" c="white" size="sm">
                          {t('actions.late')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {item.status === 'open' ? (
                      <Button
                        size="xs"
                        variant="light"
                        loading={complete.isPending && complete.variables?.actionId === item.id}
                        onClick={() => complete.mutate({ actionId: item.id })}
                        aria-label={t('actions.markDoneFor', { title: item.title })}
                      >
                        {t('actions.markDone')}
                      </Button>
                    ) : (
                      <Text size="sm" c="teal.9">
                        {t('actions.doneOn', {
                          date: item.completedAt ? fmt.dateTime(item.completedAt) : '',
                        })}
                      </Text>
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
      {complete.isError ? <ErrorState error={complete.error} /> : null}
      {body}
    </Stack>
  );
}
