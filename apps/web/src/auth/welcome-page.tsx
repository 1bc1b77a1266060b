/**
 * A new account's first page (ADR 0031): the invitation code (from the link, or typed) and a password.
 * Signed out; on success the person goes on to sign in with their e-mail.
 */
import {
  Alert,
  Box,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { LanguageSwitch } from '../shell/language-switch';
import { MutationError } from '../ui/mutation-error';
import { AnchorLink } from '../ui/router-links';
import { useDocumentTitle } from '../ui/use-document-title';

export function WelcomePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const search = useSearch({ from: '/welcome' });
  const [code, setCode] = useState(search.code ?? '');
  const [password, setPassword] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const redeem = useMutation(trpc.account.redeemInvitationCode.mutationOptions());
  useDocumentTitle(t('welcome.title'));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === '') {
      setCodeError(t('welcome.codeRequired'));
      return;
    }
    setCodeError(null);
    redeem.mutate({ code: code.trim(), password });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={420}>
        <main>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            {redeem.data ? (
              <Stack gap="md">
                <Title order={1} fz="h2">
                  {t('welcome.title')}
                </Title>
                <Alert color="teal" variant="light" role="status">
                  {t('welcome.done', { email: redeem.data.email })}
                </Alert>
                <AnchorLink to="/sign-in" search={{}}>
                  {t('welcome.signIn')}
                </AnchorLink>
              </Stack>
            ) : (
              <form onSubmit={onSubmit} noValidate aria-labelledby="welcome-title">
                <Stack gap="md">
                  <Stack gap={2}>
                    <Title order={1} id="welcome-title" fz="h2">
                      {t('welcome.title')}
                    </Title>
                    <Text c="dimmed" size="sm">
                      {t('welcome.subtitle')}
                    </Text>
                  </Stack>
                  <TextInput
                    label={t('welcome.code')}
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value)}
                    error={codeError}
                    autoComplete="one-time-code"
                    required
                  />
                  <PasswordInput
                    label={t('welcome.password')}
                    description={t('welcome.passwordHint')}
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                    autoComplete="new-password"
                    required
                  />
                  <MutationError error={redeem.error} />
                  <Button type="submit" loading={redeem.isPending}>
                    {t('welcome.submit')}
                  </Button>
                </Stack>
              </form>
            )}
          </Paper>
          <Center mt="md">
            <LanguageSwitch />
          </Center>
        </main>
      </Box>
    </Center>
  );
}
