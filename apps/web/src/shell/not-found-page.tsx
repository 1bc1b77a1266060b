/** An unknown address: say so and offer the way home. */
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../ui/router-links';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack p="xl" gap="sm">
      <Title order={1}>{t('state.pageNotFound')}</Title>
      <Text>
        <AnchorLink to="/">{t('state.goHome')}</AnchorLink>
      </Text>
    </Stack>
  );
}
