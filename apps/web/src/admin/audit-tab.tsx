/** The organisation's audit log, newest first, with "load older" growing the page. */
import { Button, Code, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { ScrollTable } from '../ui/scroll-table';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';

const PAGE = 50;

export function AuditTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fmt = useFormat();
  // Growing the page keeps the list in one query; the API caps a page at 500 events.
  const [limit, setLimit] = useState(PAGE);
  const events = useQuery({
    ...trpc.admin.auditEvents.queryOptions({ limit }),
    placeholderData: keepPreviousData,
  });
  if (events.isPending) return <LoadingState />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  const rows = events.data;
  if (rows.length === 0) return <EmptyState title={t('admin.audit.empty')} />;
  return (
    <Stack gap="sm">
      <ScrollTable minWidth={800}>
        <Table striped fz="sm" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.audit.at')}</Table.Th>
              <Table.Th>{t('admin.audit.who')}</Table.Th>
              <Table.Th>{t('admin.audit.action')}</Table.Th>
              <Table.Th>{t('admin.audit.entity')}</Table.Th>
              <Table.Th>{t('admin.audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.at)}</Table.Td>
                <Table.Td data-testid="audit-actor">
                  {/* The name and roles stored with the event, as they were then: a later rename does not rewrite history. */}
                  {e.actorName ?? '—'}
                  {e.actorRoles.length > 0 ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({e.actorRoles.map((r) => t(`admin.roles.${r}`, { defaultValue: r })).join(', ')})
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {e.entityType}
                    {e.entityId ? ` ${e.entityId.slice(0, 8)}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-all' }}>
                    {e.details === null || e.details === undefined ? '' : JSON.stringify(e.details)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {rows.length === limit && limit < 500 ? (
        <Button
          variant="default"
          onClick={() => setLimit((l) => Math.min(500, l + PAGE))}
          loading={events.isFetching}
          w="fit-content"
        >
          {t('admin.audit.older')}
        </Button>
      ) : null}
    </Stack>
  );
}
