/** Why a PSW is where they are in the caseload: the domain's reasons, in the viewer's language. */
import { Text } from '@mantine/core';
import { needReasonText } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import type { CaseloadEntry } from './caseload-view';

export function NeedReasons({ entry }: { entry: Pick<CaseloadEntry, 'need'> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'cs' ? 'cs' : 'en';
  if (entry.need.reasons.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('day.need.nothing')}
      </Text>
    );
  return (
    <Text size="sm" fw={entry.need.attention ? 600 : 400}>
      {entry.need.reasons.map((r) => needReasonText(r, locale)).join(' · ')}
    </Text>
  );
}
