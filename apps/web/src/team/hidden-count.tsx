/** A hidden count, marked as hidden (never drawn as zero), with the reason in its title. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function HiddenCount({ size, k }: { size: number; k: number }) {
  const { t } = useTranslation();
  return (
    <Text
      span
      size="sm"
      c="dimmed"
      fs="italic"
      title={t(size < k ? 'team.reason.small' : 'team.reason.complementary', { k })}
    >
      {t('team.hidden')}
    </Text>
  );
}
