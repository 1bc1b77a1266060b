/** One conflict: level, severity, trend, what it means, and the evidence behind it. */
import { Accordion, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ConflictId, type ConflictScore, catalog } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { LevelBadge } from '../ui/level-badge';
import { BecauseList } from './because-list';
import type { ObservationView } from './evidence-types';
import { TrendText } from './trend-text';

export function ConflictPanel({
  id,
  score,
  observations,
}: {
  id: ConflictId;
  score: ConflictScore;
  observations: ReadonlyMap<string, ObservationView>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const conflict = catalog.conflicts[id];
  return (
    <Paper withBorder p="md" radius="md" data-testid={`conflict-${id}`} data-level={score.level}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} fz="h4">
            {localized(conflict.label)}
          </Title>
          <LevelBadge level={score.level} label={t('worker.level')} />
        </Group>
        <Group gap="lg">
          <Text size="sm">
            {t('worker.severity')}:{' '}
            <strong data-testid={`severity-${id}`} data-value={score.severity ?? ''}>
              {score.severity === null ? t('level.unknown') : fmt.percent(score.severity)}
            </strong>
          </Text>
          <Group gap={4}>
            <Text size="sm">{t('worker.trend')}:</Text>
            <TrendText trend={score.trend} />
          </Group>
          {score.previousSeverity !== null ? (
            <Text size="sm" c="dimmed">
              {t('worker.previously', { value: fmt.percent(score.previousSeverity) })}
            </Text>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {localized(conflict.description)}
        </Text>
        <Accordion variant="contained" chevronPosition="left">
          <Accordion.Item value="why">
            <Accordion.Control data-testid={`why-${id}`}>{t('why.title')}</Accordion.Control>
            <Accordion.Panel>
              <BecauseList because={score.because} observations={observations} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Paper>
  );
}
