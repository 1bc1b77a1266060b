/** The loading, empty, error and not-allowed states every screen shows instead of a blank page. */
import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { trpcErrorCode } from '../api/trpc';
import { useDocumentTitle } from './use-document-title';

/** A centred spinner with a label screen readers announce. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed">{label ?? t('state.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** Nothing to show yet, with an optional next step. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" py="xl" gap="xs" data-testid="empty-state">
      <Text fw={600}>{title}</Text>
      {children ? (
        <Text c="dimmed" ta="center" maw={520}>
          {children}
        </Text>
      ) : null}
    </Stack>
  );
}

/** A failed load: what happened in words, and a retry. A FORBIDDEN error shows the not-allowed page. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = trpcErrorCode(error);
  if (code === 'FORBIDDEN') return <NotAllowed />;
  const message = code === 'NOT_FOUND' ? t('state.notFound') : t('state.error');
  return (
    <Alert color="red" variant="light" title={message} role="alert" my="md">
      <Stack gap="xs" align="flex-start">
        {error instanceof Error && code !== 'NOT_FOUND' ? <Text size="sm">{error.message}</Text> : null}
        {onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('state.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** Shown when the signed-in user's role may not see this page (e.g. a researcher on a supervision page). */
export function NotAllowed() {
  const { t } = useTranslation();
  useDocumentTitle(t('notAllowed.title'));
  return (
    <Stack py="xl" gap="sm" maw={640} data-testid="not-allowed">
      <Title order={1}>{t('notAllowed.title')}</Title>
      <Text>{t('notAllowed.body')}</Text>
    </Stack>
  );
}
