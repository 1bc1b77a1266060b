/** After sign-in: "Organisation A invites you as supervisor — Accept / Decline" for each pending invitation. */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { MutationError } from '../ui/mutation-error';

export function InvitationsBanner() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.account.invitations.queryOptions());
  const refresh = () => queryClient.invalidateQueries();
  const accept = useMutation(trpc.account.acceptInvitation.mutationOptions({ onSuccess: refresh }));
  const decline = useMutation(trpc.account.declineInvitation.mutationOptions({ onSuccess: refresh }));
  if (!invitations.data || invitations.data.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" data-testid="invitations">
      {invitations.data.map((i) => (
        <Alert key={i.id} color="indigo" variant="light">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              {t('account.invitation', {
                organization: i.organization.name,
                roles: i.roles.map((r) => t(`admin.roles.${r}`)).join(', '),
              })}
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                loading={accept.isPending && accept.variables?.invitationId === i.id}
                onClick={() => accept.mutate({ invitationId: i.id })}
              >
                {t('account.accept')}
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={decline.isPending && decline.variables?.invitationId === i.id}
                onClick={() => decline.mutate({ invitationId: i.id })}
              >
                {t('account.decline')}
              </Button>
            </Group>
          </Group>
        </Alert>
      ))}
      <MutationError error={accept.error ?? decline.error} />
    </Stack>
  );
}
