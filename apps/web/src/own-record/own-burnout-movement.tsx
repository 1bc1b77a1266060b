/**
 * The PSW's answers to the burnout questions kept for them (ADR 0045): per scale a plain movement over
 * the same check-ins as their trend, "0 = never, 100 = always: 40 → 35". No label, no cut-off, no
 * diagnosis; seen by no one else.
 */
import { Badge, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { burnoutTrendOf } from './own-check-in-trend-model';
import type { OwnCheckInView } from './own-check-in-words';

/** "Your answers on the work-related questions, 0 = never, 100 = always: 40 → 35". */
export function useBurnoutWords() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (scale: 'personal' | 'work', scores: readonly number[]) =>
    t(scale === 'personal' ? 'ownCheckIns.burnoutPersonal' : 'ownCheckIns.burnoutWork', {
      values: scores.map((s) => fmt.number(s, 0)).join(' → '),
    });
}

/** "Kept for yourself": an answer no one but the PSW sees. */
export function KeptBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="grape.9" variant="outline" size="sm" data-testid="own-check-in-audience">
      {t('ownCheckIns.kept')}
    </Badge>
  );
}

export function OwnBurnoutMovement({ checkIns }: { checkIns: readonly OwnCheckInView[] }) {
  const { t } = useTranslation();
  const words = useBurnoutWords();
  const { sittings, rows } = burnoutTrendOf(checkIns);
  if (rows.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="own-burnout" className="print-section">
      <Title order={2} fz="h3" id="own-burnout">
        {t('ownCheckIns.burnoutTitle')}
      </Title>
      <div>
        <KeptBadge />
      </div>
      <Text size="sm" c="dimmed">
        {t('ownCheckIns.burnoutHint', { count: sittings })}
      </Text>
      {rows.map((r) => (
        <Text key={r.scale} size="sm" data-testid="own-burnout-movement">
          {words(
            r.scale,
            r.scores.map((s) => s.score),
          )}
        </Text>
      ))}
    </Stack>
  );
}
