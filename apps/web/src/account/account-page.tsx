/** "My account": the organisation to work in (when there are several), the display name, the password, and a researcher's API tokens. */
import { Alert, Button, Paper, PasswordInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { hasAnyRole, useMe } from '../auth/use-me';
import { MutationError } from '../ui/mutation-error';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { ApiTokensSection } from './api-tokens-section';
import { chooseOrganization } from './organization-choice';

export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <Stack gap="md" maw={560}>
      <Title order={1} fz="h2">
        {t('account.title')}
      </Title>
      {me.data.organizations.length > 1 ? (
        <OrganizationSwitch current={me.data.organization.id} organizations={me.data.organizations} />
      ) : null}
      <NameForm initial={me.data.user.name} />
      <PasswordForm />
      {hasAnyRole(me.data, ['researcher']) ? <ApiTokensSection /> : null}
    </Stack>
  );
}

function OrganizationSwitch(props: { current: string; organizations: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <Select
      label={t('account.organization')}
      data={props.organizations.map((o) => ({ value: o.id, label: o.name }))}
      value={props.current}
      allowDeselect={false}
      onChange={(id) => {
        if (!id || id === props.current) return;
        chooseOrganization(id);
        // Everything cached belongs to the other organisation.
        void queryClient.resetQueries();
      }}
    />
  );
}

function NameForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(initial);
  const save = useMutation(
    trpc.account.updateProfile.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() }),
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('account.nameTitle')}
          </Title>
          <TextInput
            label={t('account.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <Button type="submit" w="fit-content" loading={save.isPending}>
            {t('account.saveName')}
          </Button>
          {save.isSuccess ? <Alert color="green">{t('account.nameSaved')}</Alert> : null}
          <MutationError error={save.error} />
        </Stack>
      </form>
    </Paper>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const save = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrent('');
        setNew('');
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ currentPassword, newPassword });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('account.passwordTitle')}
          </Title>
          <PasswordInput
            label={t('account.currentPassword')}
            value={currentPassword}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('account.newPasswordHint')}
            value={newPassword}
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
            onChange={(e) => setNew(e.currentTarget.value)}
            required
          />
          <Button type="submit" w="fit-content" loading={save.isPending}>
            {t('account.savePassword')}
          </Button>
          {save.isSuccess ? <Alert color="green">{t('account.passwordSaved')}</Alert> : null}
          <MutationError error={save.error} />
        </Stack>
      </form>
    </Paper>
  );
}
