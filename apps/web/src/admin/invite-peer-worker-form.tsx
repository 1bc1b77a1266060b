/**
 * The admin invites a PSW to their own account (ADR 0031): the answer is a one-time code and a link,
 * shown here once, for the admin to hand over in person or by phone.
 */
import {
  Alert,
  Button,
  Code,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { MutationError } from '../ui/mutation-error';

export function InvitePeerWorkerForm({
  workers,
}: {
  workers: ReadonlyArray<{ id: string; displayName: string }>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const invite = useMutation(
    trpc.admin.invitePeerWorker.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() }),
    }),
  );
  const [draft, setDraft] = useState({ workerId: '', name: '', email: '' });
  const [invitedName, setInvitedName] = useState('');
  const workerId = draft.workerId || (workers[0]?.id ?? '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setInvitedName(draft.name);
    invite.mutate({ workerId, name: draft.name, email: draft.email });
  };
  const link = invite.data
    ? `${window.location.origin}/welcome?code=${encodeURIComponent(invite.data.code)}`
    : '';

  return (
    <Paper withBorder p="md" maw={760}>
      <form onSubmit={onSubmit} data-testid="invite-peer-form">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('invitePeer.title')}
          </Title>
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('invitePeer.worker')}
              value={workerId}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, workerId: value }));
              }}
              data={workers.map((w) => ({ value: w.id, label: w.displayName }))}
            />
            <TextInput
              label={t('invitePeer.name')}
              value={draft.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                setDraft((d) => ({ ...d, name }));
              }}
              required
            />
            <TextInput
              type="email"
              label={t('invitePeer.email')}
              value={draft.email}
              onChange={(e) => {
                const email = e.currentTarget.value;
                setDraft((d) => ({ ...d, email }));
              }}
              required
            />
            <Button type="submit" loading={invite.isPending}>
              {t('invitePeer.submit')}
            </Button>
          </Group>
          <MutationError error={invite.error} />
          {invite.data ? (
            <Alert
              color="teal"
              variant="light"
              role="status"
              title={t('invitePeer.codeTitle', { name: invitedName })}
            >
              <Stack gap={4}>
                <Code fz="lg" data-testid="invite-code">
                  {invite.data.code}
                </Code>
                <Text size="sm">
                  {t('invitePeer.codeHint', { date: fmt.dateTime(invite.data.expiresAt) })}
                </Text>
                <Text size="sm">{t('invitePeer.link')}</Text>
                <Code block data-testid="invite-link">
                  {link}
                </Code>
              </Stack>
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
