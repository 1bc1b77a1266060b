/**
 * One study: participants' role profiles, role and conflict prevalence by setting, the imported project's
 * memos and sets (a set narrows the code co-occurrence and the inter-coder agreement), and its downloads.
 */
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { catalog, conflictIds, type Level, roleIds } from '@peerbridge/domain';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { RequireRole } from '../auth/require-role';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { LevelBadge } from '../ui/level-badge';
import { AnchorLink } from '../ui/router-links';
import { ScrollTable } from '../ui/scroll-table';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { AgreementTable } from './agreement-table';
import { CoOccurrenceHeatmap } from './co-occurrence-heatmap';
import { StudyDownloads } from './study-downloads';
import { StudyNotesSection } from './study-notes-section';

export function StudyPage() {
  return (
    <RequireRole roles={['researcher']}>
      <Study />
    </RequireRole>
  );
}

const settingOrder = ['inpatient', 'community', 'other'] as const;

function Study() {
  const { studyId } = useParams({ from: '/shell/studies/$studyId' });
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fmt = useFormat();
  const localized = useLocalized();
  const studies = useQuery(trpc.research.studies.queryOptions({ studyId }));
  const cohort = useQuery(trpc.research.cohort.queryOptions({ studyId }));
  const [setId, setSetId] = useState<string | undefined>(undefined);
  const narrowed = { studyId, ...(setId ? { setId } : {}) };
  const coOccurrence = useQuery(trpc.research.coOccurrence.queryOptions(narrowed));
  const agreement = useQuery(trpc.research.agreement.queryOptions(narrowed));
  const study = studies.data?.items.find((s) => s.id === studyId);
  useDocumentTitle(study?.name ?? t('research.study'));

  if (cohort.isPending) return <LoadingState />;
  if (cohort.isError) return <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />;
  const c = cohort.data;
  // The owner's own view: the label each participant was imported under (a pseudonym only after a pseudonymised import).
  const originalLabel = (id: string) => c.originalLabels[id] ?? id;
  const participants = [...c.participants].sort((a, b) =>
    originalLabel(a.id).localeCompare(originalLabel(b.id), undefined, { numeric: true }),
  );
  const pct = (p: { count: number; known: number; proportion: number | null }) =>
    p.proportion === null ? '—' : `${p.count}/${p.known} (${fmt.percent(p.proportion)})`;
  const groups = [
    { key: 'overall', label: t('research.overall'), group: c.prevalence.overall },
    ...settingOrder.map((s) => ({ key: s, label: t(`setting.${s}`), group: c.prevalence.bySetting[s] })),
  ];

  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <AnchorLink to="/studies" size="sm">
          ← {t('research.title')}
        </AnchorLink>
        <Title order={1}>{study?.name ?? t('research.study')}</Title>
        <Text size="sm" c="dimmed">
          {t('research.cohortNote', {
            date: fmt.date(c.asOf),
            ruleset: `${c.ruleset.id} ${c.ruleset.version}`,
            count: c.participants.length,
          })}
        </Text>
      </Stack>

      <StudyDownloads studyId={studyId} />

      <Paper withBorder p="md" data-testid="participants">
        <Stack gap="sm">
          <Title order={2} fz="h3">
            {t('research.profiles')}
          </Title>
          <ScrollTable minWidth={900}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('research.originalLabel')}</Table.Th>
                  <Table.Th>{t('research.setting')}</Table.Th>
                  {roleIds.map((r) => (
                    <Table.Th key={r}>{localized(catalog.roles[r].label)}</Table.Th>
                  ))}
                  {conflictIds.map((k) => (
                    <Table.Th key={k}>{localized(catalog.conflicts[k].label)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {participants.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{originalLabel(p.id)}</Table.Td>
                    <Table.Td>{t(`setting.${p.setting}`)}</Table.Td>
                    {roleIds.map((r) => (
                      <Table.Td key={r}>
                        {p.roles[r].enactment === null ? '—' : fmt.percent(p.roles[r].enactment ?? 0)}
                      </Table.Td>
                    ))}
                    {conflictIds.map((k) => (
                      <Table.Td key={k}>
                        <LevelBadge level={p.conflicts[k].level as Level} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Stack>
      </Paper>

      <Paper withBorder p="md" data-testid="study-prevalence">
        <Stack gap="sm">
          <Title order={2} fz="h3">
            {t('research.prevalence')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('research.prevalenceHint', { threshold: fmt.percent(c.enactmentThreshold) })}
          </Text>
          <ScrollTable minWidth={720}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  {groups.map((g) => (
                    <Table.Th key={g.key}>
                      {g.label} ({g.group.participants})
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {roleIds.map((r) => (
                  <Table.Tr key={r}>
                    <Table.Th scope="row">{localized(catalog.roles[r].label)}</Table.Th>
                    {groups.map((g) => (
                      <Table.Td key={g.key}>{pct(g.group.roles[r])}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
                {conflictIds.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Th scope="row">{localized(catalog.conflicts[k].label)}</Table.Th>
                    {groups.map((g) => (
                      <Table.Td key={g.key}>{pct(g.group.conflicts[k])}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Stack>
      </Paper>

      <StudyNotesSection studyId={studyId} setId={setId} onSetChange={setSetId} />
      {coOccurrence.isError ? (
        <ErrorState error={coOccurrence.error} />
      ) : coOccurrence.data ? (
        <CoOccurrenceHeatmap rows={coOccurrence.data.rows} codeNames={coOccurrence.data.codeNames} />
      ) : (
        <LoadingState />
      )}
      {agreement.isError ? (
        <ErrorState error={agreement.error} />
      ) : agreement.data ? (
        <AgreementTable
          codes={agreement.data.codes}
          codeNames={agreement.data.codeNames}
          coders={agreement.data.coders}
        />
      ) : (
        <LoadingState />
      )}
    </Stack>
  );
}
