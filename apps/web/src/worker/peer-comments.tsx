/** Under a session on the PSW's page: the summary shared with the PSW and the PSW's comments on it (ADR 0031). */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import type { SessionView } from './evidence-types';

export function PeerComments({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const comments = session.peerComments ?? [];
  if (!session.sharedSummary && comments.length === 0) return null;
  return (
    <Stack gap={2} maw={320} data-testid="peer-comments">
      {session.sharedSummary ? (
        <Text size="xs">
          <Text span fw={600} size="xs">
            {t('own.sharedWithPeer')}:
          </Text>{' '}
          {session.sharedSummary}
        </Text>
      ) : null}
      {comments.map((c) => (
        <Text key={c.id} size="xs" data-testid="peer-comment" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600} size="xs">
            {t('own.peerCommented', { date: fmt.dateTime(c.createdAt) })}:
          </Text>{' '}
          {c.body}
        </Text>
      ))}
    </Stack>
  );
}
