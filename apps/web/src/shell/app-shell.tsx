/** The signed-in frame: header with navigation by role, language switch and sign-out; a session guard. */
import { AppShell, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitationsBanner } from '../account/invitations-banner';
import { trpcErrorCode } from '../api/trpc';
import { signOut } from '../auth/auth-client';
import { type Me, useMe } from '../auth/use-me';
import { changeLanguage, hasStoredLanguage } from '../i18n/i18n';
import { NotificationBell } from '../notifications/notification-bell';
import { AnchorLink, NavLinkLink } from '../ui/router-links';
import { ErrorState, LoadingState } from '../ui/state-views';
import { LanguageSwitch } from './language-switch';
import { useRouteFocus } from './use-route-focus';

interface NavItem {
  to: '/caseload' | '/actions' | '/team' | '/admin' | '/studies' | '/account' | '/my-record';
  label: string;
}

function navItemsFor(me: Me, t: (key: string) => string): NavItem[] {
  const items: NavItem[] = [];
  if (me.roles.includes('supervisor')) {
    items.push({ to: '/caseload', label: t('nav.caseload') }, { to: '/actions', label: t('nav.actions') });
  } else if (me.roles.includes('admin')) {
    // Admins see the team actions there (ADR 0042).
    items.push({ to: '/actions', label: t('nav.actions') });
  }
  if (me.roles.includes('supervisor') || me.roles.includes('admin'))
    items.push({ to: '/team', label: t('nav.team') });
  if (me.roles.includes('admin')) items.push({ to: '/admin', label: t('nav.admin') });
  if (me.roles.includes('researcher')) items.push({ to: '/studies', label: t('nav.studies') });
  if (me.roles.includes('peer_worker')) items.push({ to: '/my-record', label: t('nav.ownRecord') });
  items.push({ to: '/account', label: t('nav.account') });
  return items;
}

export function AppShellLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [opened, { toggle, close }] = useDisclosure(false);
  const unauthorized = me.isError && trpcErrorCode(me.error) === 'UNAUTHORIZED';
  useRouteFocus();

  useEffect(() => {
    if (unauthorized) void navigate({ to: '/sign-in', search: { redirect: pathname }, replace: true });
  }, [unauthorized, navigate, pathname]);

  // The organisation's default language applies until the user picks one themselves.
  const orgLanguage = me.data?.organization.defaultLanguage;
  useEffect(() => {
    if ((orgLanguage === 'en' || orgLanguage === 'cs') && !hasStoredLanguage())
      void changeLanguage(orgLanguage, false);
  }, [orgLanguage]);

  // Close the mobile menu after each navigation.
  useEffect(() => {
    if (pathname) close();
  }, [pathname, close]);

  if (me.isPending || unauthorized) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;

  const items = navItemsFor(me.data, t);
  const onSignOut = async () => {
    await signOut();
    queryClient.clear();
    await navigate({ to: '/sign-in', search: {} });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <AnchorLink to="/" fw={700} fz="lg" underline="never" c="indigo.8">
              PeerBridge
            </AnchorLink>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {me.data.organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me.data.roles.includes('supervisor') ? <NotificationBell /> : null}
            <LanguageSwitch />
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-as">
              {me.data.user.name || me.data.user.email}
            </Text>
            <Button variant="default" size="xs" onClick={() => void onSignOut()}>
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.navigation')}>
        <Stack gap={4} component="nav">
          {items.map((item) => (
            <NavLinkLink
              key={item.to}
              to={item.to}
              label={item.label}
              active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <InvitationsBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
