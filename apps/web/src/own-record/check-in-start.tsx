/** The way into the check-in from the PSW's own record. */
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../ui/router-links';

/** The way in from the own record. */
export function CheckInStart() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="check-in-start-title">
      <Stack gap="xs">
        <Title order={2} fz="h3" id="check-in-start-title">
          {t('checkIn.title')}
        </Title>
        <Text size="sm">{t('checkIn.startHint')}</Text>
        <Group>
          <ButtonLink to="/my-record/check-in" data-testid="check-in-start">
            {t('checkIn.start')}
          </ButtonLink>
        </Group>
      </Stack>
    </Card>
  );
}
