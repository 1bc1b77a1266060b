/** A hidden count, marked as hidden (never drawn as zero), with the reason in its title. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** `reason` replaces the group-size wording where the count is not of a group of PSWs. */
export function HiddenCount({ size, k, reason }: { size: number; k: number; reason?: string }) {
  const { t } = useTranslation();
  return (
    <Text
      span
      size="sm"
      c="dimmed"
      fs="italic"
      title={reason ?? t(size < k ? 'team.reason.small' : 'team.reason.complementary', { k })}
    >
      {t('team.hidden')}
    </Text>
  );
}
