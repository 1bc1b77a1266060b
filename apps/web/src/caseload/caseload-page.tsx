/** The supervisor's caseload, by need: a summary strip, then every PSW with why they are where they are, unit, tenure, levels, supervision and actions. */
import {
  Badge,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { catalog } from '@peerbridge/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../api/trpc';
import { useOpenRecord, useReopenWhenLapsed } from '../api/use-open-record';
import { RequireRole } from '../auth/require-role';
import { useMe } from '../auth/use-me';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { LevelBadge } from '../ui/level-badge';
import { OverdueBadge } from '../ui/overdue-badge';
import { AnchorLink } from '../ui/router-links';
import { ScrollTable } from '../ui/scroll-table';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { CaseloadCards } from './caseload-cards';
import {
  applyCaseloadQuery,
  type CaseloadQuery,
  daysBetween,
  defaultCaseloadQuery,
  isDue,
  isOverdue,
  needingAttention,
  type SortKey,
} from './caseload-view';
import { NeedReasons } from './need-reasons';
import { NeedSummary } from './need-summary';
import { NextSessionText } from './next-session-text';

export function CaseloadPage() {
  return (
    <RequireRole roles={['supervisor']}>
      <Caseload />
    </RequireRole>
  );
}

function SortHeader({
  label,
  column,
  query,
  onSort,
}: {
  label: string;
  column: SortKey;
  query: CaseloadQuery;
  onSort: (key: SortKey) => void;
}) {
  const active = query.sortBy === column;
  const arrow = active ? (query.direction === 'asc' ? ' ▲' : ' ▼') : '';
  return (
    <Table.Th aria-sort={active ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm">
        {label}
        <span aria-hidden>{arrow}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

function Caseload() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const fmt = useFormat();
  const localized = useLocalized();
  const client = useTRPCClient();
  // Opening the caseload is one audited view; its reads wait for it (ADR 0009).
  const opened = useOpenRecord('caseload', () => client.supervision.openCaseload.mutate());
  const caseload = useQuery(trpc.supervision.caseload.queryOptions(undefined, { enabled: opened.opened }));
  useReopenWhenLapsed(opened, [caseload]);
  const [query, setQuery] = useState<CaseloadQuery>(defaultCaseloadQuery);
  const narrow = useMediaQuery('(max-width: 599px)');
  useDocumentTitle(t('caseload.title'));

  const onSort = (key: SortKey) =>
    setQuery((q) => ({
      ...q,
      sortBy: key,
      direction:
        q.sortBy === key
          ? q.direction === 'asc'
            ? 'desc'
            : 'asc'
          : key === 'name' || key === 'unit'
            ? 'asc'
            : 'desc',
    }));

  let body: React.ReactNode;
  if (opened.error) body = <ErrorState error={opened.error} onRetry={() => void opened.reopen()} />;
  else if (caseload.isPending) body = <LoadingState />;
  else if (caseload.isError)
    body = <ErrorState error={caseload.error} onRetry={() => void caseload.refetch()} />;
  else if (caseload.data.workers.length === 0)
    body = <EmptyState title={t('caseload.empty')}>{t('caseload.emptyHint')}</EmptyState>;
  else {
    const { asOf } = caseload.data;
    const cadence = me.data?.organization.supervisionCadenceDays ?? 28;
    const rows = applyCaseloadQuery(caseload.data.workers, query, asOf, cadence, fmt.language);
    const summary = <NeedSummary entries={needingAttention(caseload.data.workers, fmt.language)} />;
    body =
      rows.length === 0 ? (
        <>
          {summary}
          <EmptyState title={t('caseload.noMatch')} />
        </>
      ) : narrow ? (
        <>
          {summary}
          <CaseloadCards rows={rows} asOf={asOf} cadence={cadence} />
        </>
      ) : (
        <>
          {summary}
          <ScrollTable minWidth={960}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="caseload-table">
              <Table.Caption>{t('caseload.caption', { date: fmt.date(asOf) })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader label={t('caseload.col.name')} column="name" query={query} onSort={onSort} />
                  <SortHeader label={t('day.need.col')} column="need" query={query} onSort={onSort} />
                  <SortHeader label={t('caseload.col.unit')} column="unit" query={query} onSort={onSort} />
                  <SortHeader
                    label={t('caseload.col.tenure')}
                    column="tenure"
                    query={query}
                    onSort={onSort}
                  />
                  <SortHeader
                    label={localized(catalog.conflicts.friend_vs_professional.label)}
                    column="friend_vs_professional"
                    query={query}
                    onSort={onSort}
                  />
                  <SortHeader
                    label={localized(catalog.conflicts.staff_member_vs_expert_by_experience.label)}
                    column="staff_member_vs_expert_by_experience"
                    query={query}
                    onSort={onSort}
                  />
                  <SortHeader
                    label={t('caseload.col.strain')}
                    column="strain"
                    query={query}
                    onSort={onSort}
                  />
                  <SortHeader
                    label={t('caseload.col.lastSession')}
                    column="daysSinceSession"
                    query={query}
                    onSort={onSort}
                  />
                  <SortHeader
                    label={t('caseload.col.openActions')}
                    column="openActions"
                    query={query}
                    onSort={onSort}
                  />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((w) => {
                  const days = daysBetween(w.lastSessionOn, asOf);
                  const overdue = isOverdue(w, asOf, cadence);
                  const due = !overdue && isDue(w, asOf, cadence);
                  return (
                    <Table.Tr key={w.workerId} data-testid="caseload-row">
                      <Table.Td>
                        <AnchorLink to="/workers/$workerId" params={{ workerId: w.workerId }} fw={600}>
                          {w.displayName}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td data-testid="need-reasons">
                        <NeedReasons entry={w} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{w.unit.name}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`setting.${w.unit.setting}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t('caseload.months', { count: w.tenureMonths })}</Table.Td>
                      <Table.Td>
                        <LevelBadge level={w.conflicts.friend_vs_professional.level} />
                      </Table.Td>
                      <Table.Td>
                        <LevelBadge level={w.conflicts.staff_member_vs_expert_by_experience.level} />
                      </Table.Td>
                      <Table.Td>
                        <LevelBadge level={w.strain.level} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={overdue ? 700 : 400} {...(overdue ? { c: 'red.9' } : {})}>
                            {days === null
                              ? t('caseload.never')
                              : days === 0
                                ? t('caseload.today')
                                : t('caseload.daysAgo', { count: days })}
                          </Text>
                          {overdue ? (
                            <OverdueBadge>{t('caseload.overdue')}</OverdueBadge>
                          ) : due ? (
                            <Badge color="yellow.4" c="black" variant="filled" size="sm" data-testid="due">
                              {t('day.need.due')}
                            </Badge>
                          ) : null}
                        </Group>
                        <NextSessionText nextSessionOn={w.nextSessionOn} asOf={asOf} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{fmt.number(w.openActions)}</Text>
                        {w.overdueActions > 0 ? (
                          <OverdueBadge testId="actions-overdue">
                            {t('actions.late')}: {fmt.number(w.overdueActions)}
                          </OverdueBadge>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      );
  }

  return (
    <Stack gap="md">
      <Title order={1}>{t('caseload.title')}</Title>
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('caseload.search')}
          value={query.search}
          onChange={(e) => {
            const search = e.currentTarget.value;
            setQuery((q) => ({ ...q, search }));
          }}
          w={240}
        />
        <NativeSelect
          label={t('caseload.setting')}
          value={query.setting}
          onChange={(e) => {
            const setting = e.currentTarget.value as CaseloadQuery['setting'];
            setQuery((q) => ({ ...q, setting }));
          }}
          data={[
            { value: 'all', label: t('caseload.allSettings') },
            { value: 'inpatient', label: t('setting.inpatient') },
            { value: 'community', label: t('setting.community') },
            { value: 'other', label: t('setting.other') },
          ]}
          w={200}
        />
        <Checkbox
          label={t('caseload.overdueOnly')}
          checked={query.overdueOnly}
          onChange={(e) => {
            const overdueOnly = e.currentTarget.checked;
            setQuery((q) => ({ ...q, overdueOnly }));
          }}
          mb={8}
        />
        <Checkbox
          label={t('day.need.attentionOnly')}
          checked={query.attentionOnly}
          onChange={(e) => {
            const attentionOnly = e.currentTarget.checked;
            setQuery((q) => ({ ...q, attentionOnly }));
          }}
          mb={8}
        />
      </Group>
      {body}
    </Stack>
  );
}
