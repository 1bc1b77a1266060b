/**
 * One of the PSW's own sessions: date, kind, minutes, the summary the supervisor shared (never their
 * private notes, ADR 0031) and the PSW's comments; `children` holds the comment form on the record page.
 */
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../api/trpc';
import { useFormat } from '../i18n/format';

export type OwnSessionView = RouterOutputs['ownRecord']['open']['sessions'][number];

export function OwnSessionCard({ session: s, children }: { session: OwnSessionView; children?: ReactNode }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder padding="sm" data-testid="own-session" component="article" className="print-section">
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{fmt.date(s.heldOn)}</Text>
        <Text size="sm">{t(`session.kinds.${s.kind}`)}</Text>
        {s.minutes !== null ? <Text size="sm">{t('own.minutes', { count: s.minutes })}</Text> : null}
        {s.voided ? <Badge color="gray">{t('own.voided')}</Badge> : null}
      </Group>
      {s.sharedSummary ? (
        <Stack gap={2} mt="xs">
          <Text size="xs" c="dimmed">
            {t('own.summary')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="own-session-summary">
            {s.sharedSummary}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          {t('own.noSummary')}
        </Text>
      )}
      {s.comments.map((c) => (
        <Text key={c.id} size="sm" mt="xs" data-testid="own-comment" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span size="xs" c="dimmed">
            {t('own.yourComment', { date: fmt.dateTime(c.createdAt) })}:
          </Text>{' '}
          {c.body}
        </Text>
      ))}
      {children}
    </Card>
  );
}
