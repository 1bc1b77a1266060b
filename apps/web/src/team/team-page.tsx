/**
 * Team view: the published monthly report (ADR 0013). Cards, the prevalence table and the unit
 * heatmap all show the same published numbers; the unit conditions and participation in full; the
 * trend over the last six periods. Edits reach this page only with the next period.
 */
import { Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { RequireRole } from '../auth/require-role';
import { useFormat } from '../i18n/format';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { PrevalenceTable } from './prevalence-table';
import { PublishedCardList } from './published-card-list';
import { UnitHeatmap } from './unit-heatmap';
import { UnitTrend } from './unit-trend';

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
  const { unitId, period } = useSearch({ from: '/shell/team' });
  useDocumentTitle(t('team.title'));
  const input = { ...(unitId ? { unitId } : {}), ...(period ? { period } : {}) };
  const overview = useQuery(
    trpc.team.overview.queryOptions(Object.keys(input).length > 0 ? input : undefined),
  );
  // The unit list comes from the whole period, so the picker keeps every unit while one is chosen.
  const all = useQuery({
    ...trpc.team.overview.queryOptions(period ? { period } : undefined),
    enabled: unitId !== undefined,
  });
  const unitOptions = (unitId ? all.data : overview.data)?.units ?? [];
  const periods = overview.data?.periods ?? [];
  const go = (next: { unitId?: string | undefined; period?: string | undefined }) =>
    void navigate({
      to: '/team',
      search: {
        ...(next.unitId ? { unitId: next.unitId } : {}),
        ...(next.period ? { period: next.period } : {}),
      },
    });

  let body: React.ReactNode;
  if (overview.isPending) body = <LoadingState />;
  else if (overview.isError)
    body = <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  else if (overview.data.period === null) body = <EmptyState title={t('team.notPublished')} />;
  else if (overview.data.workerCount === 0) body = <EmptyState title={t('team.empty')} />;
  else {
    const data = overview.data;
    const k = data.k ?? 5;
    const unitName = data.units.find((u) => u.unitId === unitId)?.name ?? '';
    body = (
      <Stack gap="lg">
        <Text size="sm" c="dimmed" data-testid="team-scope">
          {t(data.scope === 'organization' ? 'team.scopeOrganization' : 'team.scopeCaseload', {
            count: data.workerCount,
            period: fmt.month(data.period ?? ''),
            date: fmt.date(data.asOf ?? ''),
            k,
          })}
        </Text>
        <Stack gap="sm">
          <Title order={2} fz="h3">
            {unitId ? t('team.unitCards', { name: unitName }) : t('team.overallCards')}
          </Title>
          <PublishedCardList cards={data.cards} />
        </Stack>
        <PrevalenceTable table={data.prevalence} k={k} />
        <UnitHeatmap view={data} k={k} />
        <UnitTrend trend={data.trend} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('team.title')}</Title>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label={t('team.period')}
            value={period ?? periods[0] ?? ''}
            onChange={(e) => go({ unitId, period: e.currentTarget.value })}
            data={periods.map((p) => ({ value: p, label: fmt.month(p) }))}
            w={180}
          />
          <NativeSelect
            label={t('team.scope')}
            value={unitId ?? ''}
            onChange={(e) => go({ unitId: e.currentTarget.value, period })}
            data={[
              { value: '', label: t('team.allUnits') },
              ...unitOptions.map((u) => ({ value: u.unitId, label: u.name })),
            ]}
            w={280}
          />
        </Group>
      </Group>
      {body}
    </Stack>
  );
}
