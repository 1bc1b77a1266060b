/** Team view per unit and for the organisation: merged cards and conflict prevalence, aggregates under k suppressed. */
import { Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { RequireRole } from '../auth/require-role';
import { useFormat } from '../i18n/format';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { MergedCardList } from './merged-card-list';
import { PrevalenceTable } from './prevalence-table';

export function TeamPage() {
  return (
    <RequireRole roles={['admin', 'supervisor']}>
      <Team />
    </RequireRole>
  );
}

function Team() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { unitId } = useSearch({ from: '/shell/team' });
  useDocumentTitle(t('team.title'));
  const overview = useQuery(trpc.team.overview.queryOptions(unitId ? { unitId } : undefined));
  // The unit list comes from the whole view, so the picker keeps every unit while one is chosen.
  const all = useQuery({ ...trpc.team.overview.queryOptions(undefined), enabled: unitId !== undefined });
  const unitOptions = (unitId ? all.data : overview.data)?.units ?? [];

  let body: React.ReactNode;
  if (overview.isPending) body = <LoadingState />;
  else if (overview.isError)
    body = <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  else if (overview.data.workerCount === 0) body = <EmptyState title={t('team.empty')} />;
  else {
    const data = overview.data;
    body = (
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t(data.scope === 'organization' ? 'team.scopeOrganization' : 'team.scopeCaseload', {
            count: data.workerCount,
            date: fmt.date(data.asOf),
            k: data.k,
          })}
        </Text>
        <Stack gap="sm">
          <Title order={2} fz="h3">
            {unitId ? t('team.unitCards', { name: data.units[0]?.name ?? '' }) : t('team.overallCards')}
          </Title>
          <MergedCardList cards={unitId ? (data.units[0]?.cards ?? []) : data.overall} />
        </Stack>
        <PrevalenceTable table={data.prevalenceBySetting} />
        {!unitId && data.units.length > 1
          ? data.units.map((u) => (
              <Paper key={u.unitId} withBorder p="md" data-testid="team-unit">
                <Stack gap="sm">
                  <Title order={2} fz="h4">
                    {u.name} · {t(`setting.${u.setting}`, { defaultValue: u.setting })} ·{' '}
                    {t('team.workers', { count: u.workerCount })}
                  </Title>
                  <MergedCardList cards={u.cards} />
                </Stack>
              </Paper>
            ))
          : null}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('team.title')}</Title>
        <NativeSelect
          label={t('team.scope')}
          value={unitId ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            void navigate({ to: '/team', search: value ? { unitId: value } : {} });
          }}
          data={[
            { value: '', label: t('team.allUnits') },
            ...unitOptions.map((u) => ({ value: u.unitId, label: u.name })),
          ]}
          w={280}
        />
      </Group>
      {body}
    </Stack>
  );
}
