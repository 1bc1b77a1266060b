/** The PSW page's summary line, first on every screen: each conflict's level and the open and late actions. */
import { Group, Paper, Text, Title } from '@mantine/core';
import { type ConflictId, catalog, conflictIds, type Level } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { LevelBadge } from '../ui/level-badge';
import { isLate, OverdueBadge } from '../ui/overdue-badge';

export function WorkerGlance({
  levels,
  actions,
  today,
}: {
  levels: { readonly [K in ConflictId]: Level };
  actions: ReadonlyArray<{ status: string; dueOn: string | null }>;
  today: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const late = actions.filter((a) => isLate(a, today)).length;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="worker-glance">
      <Title order={2} className="visually-hidden">
        {t('a11y.glance.title')}
      </Title>
      <Group gap="md" wrap="wrap">
        {conflictIds.map((id) => (
          <Group key={id} gap={6} wrap="nowrap">
            <Text size="sm">{localized(catalog.conflicts[id].label)}</Text>
            <LevelBadge level={levels[id]} label={localized(catalog.conflicts[id].label)} />
          </Group>
        ))}
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{t('a11y.glance.openActions', { count: actions.length })}</Text>
          {late > 0 ? (
            <OverdueBadge testId="glance-late">
              {t('actions.late')}: {fmt.number(late)}
            </OverdueBadge>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}
