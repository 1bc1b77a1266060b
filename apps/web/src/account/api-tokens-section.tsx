/**
 * The researcher's API tokens on the account page (ADR 0021): create one (shown this once, with a copy
 * button), list them, revoke one. The token reaches research only; the list never holds the secret.
 */
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { MutationError } from '../ui/mutation-error';
import { ScrollTable } from '../ui/scroll-table';
import { ErrorState, LoadingState } from '../ui/state-views';

export function ApiTokensSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const [name, setName] = useState('');
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: () => {
        setName('');
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions({ onSuccess: () => void refresh() }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name });
  };
  return (
    <Paper withBorder p="md" data-testid="api-tokens">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('tokens.title')}
        </Title>
        <Text size="sm">{t('tokens.intro', { server: window.location.origin })}</Text>
        <form onSubmit={onSubmit}>
          <Group align="end" gap="sm">
            <TextInput
              label={t('tokens.name')}
              placeholder={t('tokens.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={100}
            />
            <Button type="submit" loading={create.isPending}>
              {t('tokens.create')}
            </Button>
          </Group>
        </form>
        <MutationError error={create.error} />
        {create.data ? (
          <Alert color="green" title={t('tokens.createdTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('tokens.createdText')}</Text>
              <Group gap="xs" wrap="nowrap">
                <Code data-testid="new-token" style={{ wordBreak: 'break-all' }}>
                  {create.data.token}
                </Code>
                <CopyButton value={create.data.token}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? t('tokens.copied') : t('tokens.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {tokens.isPending ? <LoadingState /> : null}
        {tokens.isError ? <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
        {tokens.data && tokens.data.length === 0 ? <Text c="dimmed">{t('tokens.empty')}</Text> : null}
        {tokens.data && tokens.data.length > 0 ? (
          <ScrollTable minWidth={480}>
            <Table striped data-testid="tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('tokens.token')}</Table.Th>
                  <Table.Th>{t('tokens.created')}</Table.Th>
                  <Table.Th>{t('tokens.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{format.date(token.createdAt)}</Table.Td>
                    <Table.Td>
                      {token.revokedAt === null
                        ? t('tokens.active')
                        : t('tokens.revoked', { date: format.date(token.revokedAt) })}
                    </Table.Td>
                    <Table.Td>
                      {token.revokedAt === null ? (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          aria-label={t('tokens.revokeLabel', { name: token.name })}
                          loading={revoke.isPending && revoke.variables?.tokenId === token.id}
                          onClick={() => revoke.mutate({ tokenId: token.id })}
                        >
                          {t('tokens.revoke')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
        <MutationError error={revoke.error} />
      </Stack>
    </Paper>
  );
}
