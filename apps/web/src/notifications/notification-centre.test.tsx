/**
 * The bell and the notification centre against the real API with the demo organisation (ADR 0037):
 * the bell shows the supervisor's unread count and says it in words, the centre pages through the
 * notifications with "Show more" without repeating one, and marking one read lowers the bell's count
 * and is kept by the server; "Mark all read" empties the count.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApi, startDemoApi } from '../../test/demo-api';
import { renderWithProviders } from '../../test/render';
import { TRPCProvider } from '../api/trpc';
import { NotificationBell } from './notification-bell';
import { NotificationsPage } from './notifications-page';

const tomas = { email: 'tomas@demo.peerbridge.test', password: 'demo-supervisor-pass' };

describe('notification bell and centre', () => {
  let api: DemoApi;
  let client: Awaited<ReturnType<DemoApi['clientFor']>>;

  beforeAll(async () => {
    api = await startDemoApi();
    client = await api.clientFor(tomas);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  function renderCentre() {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const rootRoute = createRootRoute();
    const centre = createRoute({
      getParentRoute: () => rootRoute,
      path: '/notifications',
      component: () => (
        <>
          <NotificationBell />
          <NotificationsPage pageSize={2} />
        </>
      ),
    });
    const router = createRouter({
      routeTree: rootRoute.addChildren([centre]),
      history: createMemoryHistory({ initialEntries: ['/notifications'] }),
    });
    return renderWithProviders(
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={client} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>,
    );
  }

  const bellCount = () => screen.queryByTestId('notification-count')?.textContent ?? '0';

  it('shows the unread count, pages with Show more, and marks one and then all read', async () => {
    const { unread } = await client.notifications.unreadCount.query();
    // The demo's community caseload has late actions, due supervisions and severe conflicts.
    expect(unread).toBeGreaterThan(2);
    const { unmount } = renderCentre();

    await waitFor(() => expect(bellCount()).toBe(String(unread)));
    expect(screen.getByTestId('notification-bell').getAttribute('aria-label')).toContain(String(unread));
    await waitFor(() => expect(screen.getAllByTestId('notification-item')).toHaveLength(2));

    fireEvent.click(screen.getByTestId('notifications-show-more'));
    await waitFor(() => expect(screen.getAllByTestId('notification-item').length).toBeGreaterThan(2));
    const shown = screen.getAllByTestId('notification-item');
    expect(shown.length).toBeLessThanOrEqual(4);
    const texts = shown.map((item) => item.textContent);
    expect(new Set(texts).size).toBe(texts.length);

    const first = shown[0] as HTMLElement;
    expect(first.getAttribute('data-read')).toBe('false');
    fireEvent.click(within(first).getByRole('button', { name: /^Mark read: / }));
    await waitFor(() => expect(first.getAttribute('data-read')).toBe('true'));
    await waitFor(() => expect(bellCount()).toBe(String(unread - 1)));
    expect((await client.notifications.unreadCount.query()).unread).toBe(unread - 1);
    unmount();

    // A fresh visit reads the mark from the server, not from the page's memory.
    renderCentre();
    await waitFor(() => expect(screen.getAllByTestId('notification-item')).toHaveLength(2));
    expect(screen.getAllByTestId('notification-item')[0]?.getAttribute('data-read')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
    expect((await client.notifications.unreadCount.query()).unread).toBe(0);
  });
});
