/** User accounts of the organisation and their roles (admin, supervisor, researcher). */
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { MutationError } from '../ui/mutation-error';
import { ScrollTable } from '../ui/scroll-table';
import { ShowMoreButton } from '../ui/show-more-button';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useRequestIds } from '../ui/use-request-ids';

const allRoles = ['admin', 'supervisor', 'researcher'] as const;
type Role = (typeof allRoles)[number];

export function UsersTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useInfiniteQuery(
    trpc.admin.users.infiniteQueryOptions({ limit: 50 }, { getNextPageParam: (p) => p.nextCursor }),
  );
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
  const setRoles = useMutation(trpc.admin.setUserRoles.mutationOptions({ onSuccess: invalidate }));
  const create = useMutation(trpc.admin.createUser.mutationOptions({ onSuccess: invalidate }));
  const requestIds = useRequestIds();
  const [draft, setDraft] = useState<{ name: string; email: string; password: string; roles: Role[] }>({
    name: '',
    email: '',
    password: '',
    roles: ['supervisor'],
  });

  if (users.isPending) return <LoadingState />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  const rows = users.data.pages.flatMap((p) => p.items);
  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { requestId: requestIds.idFor(), ...draft },
      {
        onSuccess: () => {
          requestIds.renew();
          setDraft({ name: '', email: '', password: '', roles: ['supervisor'] });
        },
      },
    );
  };

  return (
    <Stack gap="md">
      {rows.length === 0 ? (
        <EmptyState title={t('admin.users.empty')} />
      ) : (
        <ScrollTable minWidth={640}>
          <Table striped data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.users.name')}</Table.Th>
                <Table.Th>{t('admin.users.email')}</Table.Th>
                <Table.Th>{t('admin.users.roles')}</Table.Th>
                <Table.Th>{t('admin.users.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>
                    <Checkbox.Group
                      aria-label={t('admin.users.rolesOf', { name: u.name })}
                      value={u.roles}
                      onChange={(roles) => {
                        // peer_worker comes with its PSW invitation and stays (ADR 0031): only staff roles are set here.
                        const staff = allRoles.filter((r) => roles.includes(r));
                        if (staff.length > 0) setRoles.mutate({ userId: u.id, roles: staff });
                      }}
                    >
                      <Group gap="md">
                        {allRoles.map((r) => (
                          <Checkbox key={r} value={r} label={t(`admin.roles.${r}`)} size="xs" />
                        ))}
                        {u.roles.includes('peer_worker') ? (
                          <Badge variant="light">{t('admin.roles.peer_worker')}</Badge>
                        ) : null}
                      </Group>
                    </Checkbox.Group>
                  </Table.Td>
                  <Table.Td>
                    {u.status === 'invited' ? (
                      <Badge variant="light">{t('admin.users.invited')}</Badge>
                    ) : (
                      t('admin.users.active')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <ShowMoreButton query={users} />
      <MutationError error={setRoles.error} />
      <Paper withBorder p="md" maw={760}>
        <form onSubmit={onCreate}>
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t('admin.users.create')}
            </Title>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('admin.users.name')}
                value={draft.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  setDraft((d) => ({ ...d, name }));
                }}
                required
              />
              <TextInput
                type="email"
                label={t('admin.users.email')}
                value={draft.email}
                onChange={(e) => {
                  const email = e.currentTarget.value;
                  setDraft((d) => ({ ...d, email }));
                }}
                required
              />
              <PasswordInput
                label={t('admin.users.password')}
                description={t('admin.users.passwordHint')}
                value={draft.password}
                visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
                onChange={(e) => {
                  const password = e.currentTarget.value;
                  setDraft((d) => ({ ...d, password }));
                }}
                required
              />
            </Group>
            <Checkbox.Group
              label={t('admin.users.roles')}
              value={draft.roles}
              onChange={(roles) => setDraft((d) => ({ ...d, roles: roles as Role[] }))}
            >
              <Group gap="md" mt={4}>
                {allRoles.map((r) => (
                  <Checkbox key={r} value={r} label={t(`admin.roles.${r}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <MutationError error={create.error} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('common.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
