/**
 * The header's bell for supervisors (ADR 0037): how many unread notifications still hold, as a link to
 * the notification centre. The count names nobody (a GET); it refreshes every minute and on focus.
 */
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { AnchorLink } from '../ui/router-links';

export function NotificationBell() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const count = useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { refetchInterval: 60_000 }));
  const unread = count.data?.unread ?? 0;
  return (
    <AnchorLink
      to="/notifications"
      size="sm"
      underline="hover"
      data-testid="notification-bell"
      aria-label={t('notifications.bell', { count: unread })}
    >
      <span aria-hidden="true">🔔</span>
      {unread > 0 ? (
        <Badge size="sm" color="red.8" ml={4} aria-hidden="true" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </Badge>
      ) : null}
    </AnchorLink>
  );
}
