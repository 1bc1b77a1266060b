/**
 * Team view: the published monthly report (ADR 0013). Cards, the prevalence table and the unit
 * heatmap all show the same published numbers; the unit conditions and participation in full; the
 * trend over the last six periods. Edits reach this page only with the next period.
 */
import { Alert, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import type { PublishedCard } from '@peerbridge/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { RequireRole } from '../auth/require-role';
import { hasAnyRole, useMe } from '../auth/use-me';
import { useFormat } from '../i18n/format';
import { AnchorLink } from '../ui/router-links';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { CardUsefulnessPanel } from './card-usefulness-panel';
import { PrevalenceTable } from './prevalence-table';
import { PublishedCardList } from './published-card-list';
import { TeamCardAcceptDialog } from './team-card-accept-dialog';
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
  const me = useMe();
  const isAdmin = hasAnyRole(me.data, ['admin']);
  // Admins accept for any unit or the organisation; a supervisor for a unit they chose (ADR 0042).
  const canAccept = isAdmin || unitId !== undefined;
  const queryClient = useQueryClient();
  const [accepting, setAccepting] = useState<{ card: PublishedCard; title: string } | null>(null);
  const [accepted, setAccepted] = useState<{ title: string; dueOn: string } | null>(null);
  const accept = useMutation(
    trpc.team.acceptCard.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.team.actions.pathKey() }),
    }),
  );
  const openTeamActions = useQuery(trpc.team.actions.queryOptions({ status: 'open', limit: 200 }));
  const scopeUnit = unitId ?? null;
  const openActions = new Map(
    (openTeamActions.data?.items ?? [])
      .filter((a) => (a.unit?.unitId ?? null) === scopeUnit)
      .map((a) => [a.cardId, { ownerName: a.owner.name, dueOn: a.dueOn }] as const),
  );
  const today = new Date().toISOString().slice(0, 10);
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
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
          {accepted ? (
            <Alert color="teal" role="status" onClose={() => setAccepted(null)} withCloseButton>
              {t('teamActions.accepted', { title: accepted.title, date: fmt.date(accepted.dueOn) })}{' '}
              <AnchorLink to="/actions">{t('teamActions.openActions')}</AnchorLink>
            </Alert>
          ) : null}
          <PublishedCardList
            cards={data.cards}
            onAccept={canAccept ? (card, title) => setAccepting({ card, title }) : undefined}
            openActions={openActions}
          />
        </Stack>
        <PrevalenceTable table={data.prevalence} k={k} />
        <UnitHeatmap view={data} k={k} />
        <UnitTrend trend={data.trend} />
        {isAdmin ? <CardUsefulnessPanel /> : null}
        {accepting && data.period ? (
          <TeamCardAcceptDialog
            title={accepting.title}
            unitName={unitId ? unitName : null}
            today={today}
            defaultDueOn={inTwoWeeks}
            pending={accept.isPending}
            error={accept.error}
            onClose={() => {
              setAccepting(null);
              accept.reset();
            }}
            onSubmit={async ({ requestId, dueOn }) => {
              await accept.mutateAsync({
                requestId,
                period: data.period ?? '',
                cardId: accepting.card.id,
                dueOn,
                ...(unitId ? { unitId } : {}),
              });
              setAccepted({ title: accepting.title, dueOn });
              setAccepting(null);
            }}
          />
        ) : null}
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
