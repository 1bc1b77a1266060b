/**
 * The notification centre (ADR 0037): supervision due, an action overdue, a conflict turned severe,
 * newest first. Showing a page names PSWs, so each page is an audited POST (ADR 0009), fetched on
 * arrival and by "Show more"; marking read changes only the reader's own list.
 */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ConflictId, catalog } from '@peerbridge/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionTitle } from '../actions/action-title';
import { type RouterOutputs, useTRPC } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { MutationError } from '../ui/mutation-error';
import { AnchorLink } from '../ui/router-links';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';

type NotificationItem = RouterOutputs['notifications']['list']['items'][number];

/** `pageSize` overrides the server's default page (tests page through a short list with it). */
export function NotificationsPage({ pageSize }: { pageSize?: number } = {}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fmt = useFormat();
  const localized = useLocalized();
  const titleOf = useActionTitle();
  const queryClient = useQueryClient();
  useDocumentTitle(t('notifications.title'));
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const list = useMutation(trpc.notifications.list.mutationOptions());
  const refreshCount = () =>
    queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refreshCount }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refreshCount }));
  const { mutateAsync: fetchPage } = list;

  const load = useCallback(
    async (cursor: string | null) => {
      const page = await fetchPage({
        ...(cursor === null ? {} : { cursor }),
        ...(pageSize === undefined ? {} : { limit: pageSize }),
      });
      setItems((shown) => (cursor === null ? page.items : [...shown, ...page.items]));
      setNextCursor(page.nextCursor);
      setLoaded(true);
    },
    [fetchPage, pageSize],
  );
  useEffect(() => {
    void load(null).catch(() => undefined);
  }, [load]);

  const describe = (n: NotificationItem): string => {
    if (n.kind === 'supervision_due')
      return t('notifications.kind.supervision_due', { date: fmt.date(n.sinceOn) });
    if (n.kind === 'action_overdue')
      return t('notifications.kind.action_overdue', {
        title: titleOf({ cardId: n.actionCardId, title: n.actionTitle }),
        date: fmt.date(n.sinceOn),
      });
    const conflict =
      n.conflictId === null ? '' : localized(catalog.conflicts[n.conflictId as ConflictId].label);
    return t('notifications.kind.conflict_severe', { conflict, date: fmt.date(n.sinceOn) });
  };
  const onMarkRead = async (id: string) => {
    await markRead.mutateAsync({ notificationId: id });
    setItems((shown) => shown.map((n) => (n.id === id ? { ...n, read: true } : n)));
  };
  const onMarkAll = async () => {
    await markAll.mutateAsync();
    setItems((shown) => shown.map((n) => ({ ...n, read: true })));
  };

  let body: React.ReactNode;
  if (!loaded && list.isError) body = <ErrorState error={list.error} onRetry={() => void load(null)} />;
  else if (!loaded) body = <LoadingState />;
  else if (items.length === 0)
    body = <EmptyState title={t('notifications.empty')}>{t('notifications.emptyHint')}</EmptyState>;
  else
    body = (
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((n) => (
          <Paper
            key={n.id}
            component="li"
            withBorder
            p="sm"
            data-testid="notification-item"
            data-kind={n.kind}
            data-read={n.read}
          >
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Group gap="xs">
                  {n.supervisesWorker ? (
                    <AnchorLink to="/workers/$workerId" params={{ workerId: n.workerId }} fw={600}>
                      {n.workerName}
                    </AnchorLink>
                  ) : (
                    <Text fw={600}>{n.workerName}</Text>
                  )}
                  {n.read ? null : (
                    <Badge size="sm" color="indigo.8">
                      {t('notifications.unread')}
                    </Badge>
                  )}
                  {n.resolvedOn === null ? null : (
                    <Badge size="sm" color="gray.7" variant="light">
                      {t('notifications.resolved', { date: fmt.date(n.resolvedOn) })}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">{describe(n)}</Text>
              </Stack>
              {n.read ? null : (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => void onMarkRead(n.id).catch(() => undefined)}
                  aria-label={t('notifications.markReadOf', { name: n.workerName })}
                >
                  {t('notifications.markRead')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('notifications.title')}</Title>
        {items.some((n) => !n.read) ? (
          <Button
            variant="default"
            onClick={() => void onMarkAll().catch(() => undefined)}
            loading={markAll.isPending}
          >
            {t('notifications.markAll')}
          </Button>
        ) : null}
      </Group>
      {body}
      {loaded && nextCursor !== null ? (
        <Group>
          <Button
            variant="default"
            loading={list.isPending}
            onClick={() => void load(nextCursor).catch(() => undefined)}
            data-testid="notifications-show-more"
          >
            {list.isPending ? t('paging.loadingMore') : t('paging.showMore')}
          </Button>
        </Group>
      ) : null}
      {loaded ? <MutationError error={list.error} /> : null}
      <MutationError error={markRead.error ?? markAll.error} />
    </Stack>
  );
}
