/** Administration: organisation settings, units, PSW records with supervisors, users and roles, the audit log. */
import { Stack, Tabs, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../auth/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { AuditTab } from './audit-tab';
import { OrganizationTab } from './organization-tab';
import { UnitsTab } from './units-tab';
import { UsersTab } from './users-tab';
import { WorkersTab } from './workers-tab';

const tabs = ['organization', 'units', 'workers', 'users', 'audit'] as const;
type AdminTab = (typeof tabs)[number];

export function AdminPage() {
  return (
    <RequireRole roles={['admin']}>
      <Admin />
    </RequireRole>
  );
}

function Admin() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/shell/admin' });
  const navigate = useNavigate();
  useDocumentTitle(t('admin.title'));
  const tab: AdminTab = (tabs as readonly string[]).includes(search.tab ?? '')
    ? (search.tab as AdminTab)
    : 'units';
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.title')}</Title>
      <Tabs
        value={tab}
        onChange={(value) => void navigate({ to: '/admin', search: { tab: value ?? 'units' } })}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((id) => (
            <Tabs.Tab key={id} value={id}>
              {t(`admin.tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="organization" pt="md">
          <OrganizationTab />
        </Tabs.Panel>
        <Tabs.Panel value="units" pt="md">
          <UnitsTab />
        </Tabs.Panel>
        <Tabs.Panel value="workers" pt="md">
          <WorkersTab />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="md">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
