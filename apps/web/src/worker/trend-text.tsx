/** A conflict's trend as an arrow plus a word (the word carries the meaning; the arrow only helps). */
import { Text } from '@mantine/core';
import type { Trend } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';

const arrows: Record<Trend, string> = { rising: '↗', falling: '↘', steady: '→', new: '•' };

export function TrendText({ trend }: { trend: Trend | null }) {
  const { t } = useTranslation();
  if (trend === null)
    return (
      <Text size="sm" c="dimmed">
        {t('trend.none')}
      </Text>
    );
  return (
    <Text size="sm" data-testid="trend" data-trend={trend}>
      <span aria-hidden>{arrows[trend]} </span>
      {t(`trend.${trend}`)}
    </Text>
  );
}
