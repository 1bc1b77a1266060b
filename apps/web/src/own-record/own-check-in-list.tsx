/**
 * The PSW's own check-ins, newest first (ADR 0040): each answer with the question as they read it, the
 * answer in words and whether it went to their supervisor or stayed with them. Kept answers show here
 * and on the printable page only.
 */
import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { KeptBadge, useBurnoutWords } from './own-burnout-movement';
import { type OwnCheckInView, useCheckInWords } from './own-check-in-words';

const plainList = { listStyle: 'none', padding: 0, margin: 0 } as const;

/** The burnout questions of one sitting: each scale's number, or that too few were answered for one. */
function BurnoutAnswers({ burnout }: { burnout: NonNullable<OwnCheckInView['burnout']> }) {
  const { t } = useTranslation();
  const words = useBurnoutWords();
  const scored = (['personal', 'work'] as const).filter((scale) => burnout[scale] !== null);
  return (
    <li data-testid="own-check-in-burnout" data-shared={false}>
      {scored.length === 0 ? (
        <Text size="sm">{t('ownCheckIns.burnoutTooFew')}</Text>
      ) : (
        scored.map((scale) => (
          <Text key={scale} size="sm">
            {words(scale, [burnout[scale] as number])}
          </Text>
        ))
      )}
      <KeptBadge />
    </li>
  );
}

export function OwnCheckInList({ checkIns }: { checkIns: readonly OwnCheckInView[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useCheckInWords();
  if (checkIns.length === 0) return <Text>{t('ownCheckIns.none')}</Text>;
  return (
    <Stack gap="sm" component="ol" style={plainList}>
      {checkIns.map((c) => (
        <Card
          key={c.id}
          component="li"
          withBorder
          padding="sm"
          data-testid="own-check-in"
          className="print-section"
        >
          <Title order={3} fz="h4">
            {t('ownCheckIns.on', { date: fmt.date(c.answeredOn) })}
          </Title>
          {c.answers.length === 0 && c.burnout === null ? (
            <Text size="sm" c="dimmed" mt="xs">
              {t('ownCheckIns.noAnswers')}
            </Text>
          ) : (
            <Stack gap="xs" mt="xs" component="ul" style={plainList}>
              {c.answers.map((a) => (
                <li key={a.indicator} data-testid="own-check-in-answer" data-shared={a.shared}>
                  <Text size="sm">{words.question(a.indicator)}</Text>
                  <Text size="sm" fw={600} span>
                    {words.answer(a.indicator, a.value)}
                  </Text>{' '}
                  {a.shared ? (
                    <Badge color="teal.9" variant="outline" size="sm" data-testid="own-check-in-audience">
                      {t('ownCheckIns.shared')}
                    </Badge>
                  ) : (
                    <KeptBadge />
                  )}
                </li>
              ))}
              {c.burnout ? <BurnoutAnswers burnout={c.burnout} /> : null}
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
