/** "Why does it say that?": the indicators and facts behind a conclusion, each with its observations, dates and sources. */
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { catalog, type Reason } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import type { ObservationView } from './evidence-types';
import { valueText } from './value-text';

function FactorLine({ reason }: { reason: Extract<Reason, { kind: 'factor' }> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const value =
    reason.value === null
      ? t('level.unknown')
      : typeof reason.value === 'number'
        ? fmt.number(reason.value)
        : t(`setting.${reason.value}`, { defaultValue: reason.value });
  return (
    <Text size="sm">
      {t(`factor.${reason.factor}`)}: <strong>{value}</strong>
      {reason.contribution !== null && reason.factor !== 'tension' && reason.factor !== 'protection'
        ? ` (${t('why.effect', { value: fmt.number(reason.contribution) })})`
        : ''}
    </Text>
  );
}

/** The list of reasons; `observations` resolves the ids to dated, sourced evidence. */
export function BecauseList({
  because,
  observations,
}: {
  because: readonly Reason[];
  observations: ReadonlyMap<string, ObservationView>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  if (because.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('why.nothing')}
      </Text>
    );
  return (
    <List spacing="sm" size="sm" listStyleType="none" data-testid="because-list">
      {because.map((reason) =>
        reason.kind === 'factor' ? (
          <List.Item key={`f-${reason.factor}`}>
            <FactorLine reason={reason} />
          </List.Item>
        ) : (
          <List.Item key={`i-${reason.effect}-${reason.indicator}`}>
            <Stack gap={2}>
              <Group gap={6} wrap="wrap">
                <Badge size="xs" variant="outline" color="gray.7">
                  {t(`effect.${reason.effect}`)}
                </Badge>
                <Text size="sm" fw={600}>
                  {localized(catalog.indicators[reason.indicator].label)}
                </Text>
                <Text size="sm">— {valueText(reason.indicator, reason.value, t)}</Text>
                <Text size="xs" c="dimmed">
                  {t('why.contribution', { value: fmt.number(reason.contribution) })}
                  {reason.level === 'unit' ? ` · ${t('why.unitLevel')}` : ''}
                </Text>
              </Group>
              {reason.observationIds
                .map((id) => observations.get(id))
                .filter((o): o is ObservationView => o !== undefined)
                .map((o) => (
                  <Text key={o.id} size="xs" c="dimmed" pl="md" data-testid="because-observation">
                    {fmt.date(o.observedAt)} · {t(`source.${o.source}`)} ·{' '}
                    {valueText(o.indicator, o.value, t)}
                    {o.note ? ` · ${o.note}` : ''}
                  </Text>
                ))}
              {reason.observationIds.some((id) => !observations.has(id)) ? (
                <Text size="xs" c="dimmed" pl="md">
                  {t('why.observations', {
                    count: reason.observationIds.filter((id) => !observations.has(id)).length,
                  })}
                </Text>
              ) : null}
            </Stack>
          </List.Item>
        ),
      )}
    </List>
  );
}
