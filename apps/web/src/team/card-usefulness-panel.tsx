/** The admin's usefulness panel on the team page: the published table and its CSV download (ADR 0042). */
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { ErrorState, LoadingState } from '../ui/state-views';
import { CardUsefulnessTable } from './card-usefulness-table';

/** Hands a text to the browser as a file download. */
function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

export function CardUsefulnessPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fmt = useFormat();
  const usefulness = useQuery(trpc.team.usefulness.queryOptions());
  const [saved, setSaved] = useState<string | null>(null);
  const exportCsv = useMutation(
    trpc.team.exportUsefulness.mutationOptions({
      onSuccess: ({ filename, csv }) => {
        download(filename, csv, 'text/csv;charset=utf-8');
        setSaved(filename);
      },
    }),
  );
  let body: React.ReactNode;
  if (usefulness.isPending) body = <LoadingState />;
  else if (usefulness.isError)
    body = <ErrorState error={usefulness.error} onRetry={() => void usefulness.refetch()} />;
  else {
    const { table, closedBefore } = usefulness.data;
    body = (
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('teamActions.usefulness.hint', { date: fmt.date(closedBefore), k: table.k })}
        </Text>
        <CardUsefulnessTable table={table} />
        <Group gap="sm">
          <Button variant="default" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
            {t('teamActions.usefulness.export')}
          </Button>
          {saved && !exportCsv.isError ? (
            <Text size="sm" role="status">
              {t('teamActions.usefulness.exported', { file: saved })}
            </Text>
          ) : null}
        </Group>
        {exportCsv.isError ? (
          <Alert color="red" role="alert" title={t('teamActions.usefulness.exportFailed')}>
            {exportCsv.error.message}
          </Alert>
        ) : null}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Title order={2} fz="h3">
        {t('teamActions.usefulness.title')}
      </Title>
      {body}
    </Stack>
  );
}
