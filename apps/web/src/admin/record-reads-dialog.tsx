/** "Who has seen this PSW's record": every read of one PSW's record, with who and when, paged. */
import { Button, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { AppDialog } from '../ui/app-dialog';
import { ErrorState, LoadingState } from '../ui/state-views';

export function RecordReadsDialog({
  worker,
  onClose,
}: {
  worker: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppDialog
      opened={worker !== null}
      onClose={onClose}
      size="lg"
      title={t('admin.audit.seenByTitle', { name: worker?.name ?? '' })}
    >
      {worker ? <RecordReads workerId={worker.id} /> : null}
    </AppDialog>
  );
}

function RecordReads({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fmt = useFormat();
  const reads = useInfiniteQuery(
    trpc.admin.recordReads.infiniteQueryOptions({ workerId }, { getNextPageParam: (p) => p.nextCursor }),
  );
  if (reads.isPending) return <LoadingState />;
  if (reads.isError) return <ErrorState error={reads.error} onRetry={() => void reads.refetch()} />;
  const rows = reads.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <Text c="dimmed">{t('admin.audit.seenByEmpty')}</Text>;
  return (
    <Stack gap="sm">
      <Table striped fz="sm" data-testid="record-reads">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.audit.at')}</Table.Th>
            <Table.Th>{t('admin.audit.who')}</Table.Th>
            <Table.Th>{t('admin.audit.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(r.at)}</Table.Td>
              <Table.Td>
                {r.actorName ?? '—'}
                {r.actorRoles.length > 0 ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({r.actorRoles.map((role) => t(`admin.roles.${role}`, { defaultValue: role })).join(', ')}
                    )
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{t(r.labelKey, { defaultValue: r.action })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {reads.hasNextPage ? (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => void reads.fetchNextPage()}
          loading={reads.isFetchingNextPage}
        >
          {t('admin.audit.older')}
        </Button>
      ) : null}
    </Stack>
  );
}
