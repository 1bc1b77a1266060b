/** The planned next session of a caseload row (ADR 0036): "Next session 12 Dec 2026", or nothing. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

export function NextSessionText({ nextSessionOn, asOf }: { nextSessionOn: string | null; asOf: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (nextSessionOn === null) return null;
  const date = fmt.date(nextSessionOn);
  const late = nextSessionOn < asOf;
  return (
    <Text
      size="xs"
      data-testid="caseload-next-session"
      data-planned-on={nextSessionOn}
      {...(late ? { c: 'red.9', fw: 600 } : { c: 'dimmed' })}
    >
      {late ? t('day.need.nextSessionLate', { date }) : t('day.need.nextSession', { date })}
    </Text>
  );
}
