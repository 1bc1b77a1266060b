/** The strip above the caseload: how many need attention today, who, and why. */
import { List, Paper, Text, Title } from '@mantine/core';
import { needOverviewText } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../ui/router-links';
import type { CaseloadEntry } from './caseload-view';
import { NeedReasons } from './need-reasons';

export function NeedSummary({ entries }: { entries: readonly CaseloadEntry[] }) {
  const { t, i18n } = useTranslation();
  const overview = needOverviewText(
    entries.map((e) => e.need),
    i18n.language === 'cs' ? 'cs' : 'en',
  );
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="need-summary-title"
      data-testid="need-summary"
      data-count={entries.length}
    >
      <Title order={2} fz="h4" id="need-summary-title" mb={entries.length > 0 ? 'xs' : 0}>
        {entries.length === 0 ? t('day.need.summaryNone') : t('day.need.summary', { count: entries.length })}
      </Title>
      {overview !== '' ? (
        <Text size="sm" mb="xs" data-testid="need-overview">
          {overview}
        </Text>
      ) : null}
      {entries.length > 0 ? (
        <List spacing={4} size="sm" aria-label={t('day.need.summaryLabel')}>
          {entries.map((e) => (
            <List.Item key={e.workerId} data-testid="need-summary-item">
              <Text span size="sm" fw={700}>
                <AnchorLink to="/workers/$workerId" params={{ workerId: e.workerId }}>
                  {e.displayName}
                </AnchorLink>
              </Text>
              {' — '}
              <Text span size="sm">
                <NeedReasons entry={e} />
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Paper>
  );
}
