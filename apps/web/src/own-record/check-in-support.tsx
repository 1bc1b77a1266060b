/**
 * The end of a check-in: thanks, and when the PSW's own answers show high strain a short, kind word
 * with the contacts their organisation configured (ADR 0039). No score, no label, no diagnosis.
 */
import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../ui/router-links';

interface Contact {
  name: string;
  phone: string | null;
  url: string | null;
  hours: string | null;
}

export function CheckInSupport({
  result,
}: {
  result: { shared: number; support: { contacts: Contact[] } | null };
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={560} data-testid="check-in-done">
      <Title order={1}>{t('checkIn.doneTitle')}</Title>
      <Alert color="teal" variant="light" role="status">
        {t('checkIn.done')}
      </Alert>
      {result.support ? (
        <Stack gap="sm" component="section" aria-labelledby="check-in-support" data-testid="check-in-support">
          <Title order={2} fz="h3" id="check-in-support">
            {t('checkIn.supportTitle')}
          </Title>
          <Text>
            {result.support.contacts.length > 0 ? t('checkIn.support') : t('checkIn.supportNoContacts')}
          </Text>
          {result.support.contacts.map((c) => (
            <Card key={`${c.name}-${c.phone}-${c.url}`} withBorder padding="sm" data-testid="support-contact">
              <Text fw={600}>{c.name}</Text>
              {c.phone ? (
                <Anchor
                  href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}
                  aria-label={t('checkIn.call', { phone: c.phone })}
                >
                  {c.phone}
                </Anchor>
              ) : null}
              {c.url ? (
                <Anchor href={c.url} target="_blank" rel="noopener noreferrer">
                  {c.url}
                </Anchor>
              ) : null}
              {c.hours ? (
                <Text size="sm" c="dimmed">
                  {c.hours}
                </Text>
              ) : null}
            </Card>
          ))}
        </Stack>
      ) : null}
      <div>
        <ButtonLink to="/my-record" variant="default">
          {t('checkIn.backToRecord')}
        </ButtonLink>
      </div>
    </Stack>
  );
}
