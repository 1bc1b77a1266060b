/** The researcher's studies: name, when imported, and how much data each holds; the way to import another. */
import { Group, Stack, Table, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { RequireRole } from '../auth/require-role';
import { useFormat } from '../i18n/format';
import { AnchorLink, ButtonLink } from '../ui/router-links';
import { ScrollTable } from '../ui/scroll-table';
import { ShowMoreButton } from '../ui/show-more-button';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';

export function StudiesPage() {
  return (
    <RequireRole roles={['researcher']}>
      <Studies />
    </RequireRole>
  );
}

function Studies() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fmt = useFormat();
  const studies = useInfiniteQuery(
    trpc.research.studies.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor }),
  );
  const items = studies.data?.pages.flatMap((page) => page.items) ?? [];
  useDocumentTitle(t('research.title'));
  let body: React.ReactNode;
  if (studies.isPending) body = <LoadingState />;
  else if (studies.isError)
    body = <ErrorState error={studies.error} onRetry={() => void studies.refetch()} />;
  else if (items.length === 0)
    body = <EmptyState title={t('research.empty')}>{t('research.emptyHint')}</EmptyState>;
  else
    body = (
      <ScrollTable minWidth={640}>
        <Table striped data-testid="studies-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('research.study')}</Table.Th>
              <Table.Th>{t('research.imported')}</Table.Th>
              <Table.Th>{t('research.participants')}</Table.Th>
              <Table.Th>{t('research.documents')}</Table.Th>
              <Table.Th>{t('research.segments')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <AnchorLink to="/studies/$studyId" params={{ studyId: s.id }} fw={600}>
                    {s.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{fmt.dateTime(s.createdAt)}</Table.Td>
                <Table.Td>{fmt.number(s.participants)}</Table.Td>
                <Table.Td>{fmt.number(s.documents)}</Table.Td>
                <Table.Td>{fmt.number(s.segments)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ShowMoreButton query={studies} testId="studies-show-more" />
      </ScrollTable>
    );
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('research.title')}</Title>
        <ButtonLink to="/studies/import">{t('research.importStudy')}</ButtonLink>
      </Group>
      {body}
    </Stack>
  );
}
