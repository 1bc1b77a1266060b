/** Sign in with email and password; on success go where the user was heading. */
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
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/language-switch';
import { useDocumentTitle } from '../ui/use-document-title';
import { type SignInFailure, signIn } from './auth-client';

// A light check before asking the server (which decides): an address with an @ and a password at all.
const plausibleEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const search = useSearch({ from: '/sign-in' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('signIn.submit'));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    const emailOk = plausibleEmail.test(trimmed);
    if (!emailOk || password === '') {
      setFieldErrors({
        ...(emailOk ? {} : { email: t('signIn.emailInvalid') }),
        ...(password === '' ? { password: t('signIn.passwordRequired') } : {}),
      });
      return;
    }
    setFieldErrors({});
    setBusy(true);
    const result = await signIn(trimmed, password);
    setBusy(false);
    setFailure(result);
    if (result === null) {
      queryClient.clear();
      await navigate({ to: search.redirect ?? '/' });
    }
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={420}>
        <main>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="sign-in-title">
              <Stack gap="md">
                <Stack gap={2}>
                  <Title order={1} id="sign-in-title" fz="h2">
                    PeerBridge
                  </Title>
                  <Text c="dimmed" size="sm">
                    {t('signIn.subtitle')}
                  </Text>
                </Stack>
                {failure ? (
                  <Alert color="red" variant="light" role="alert" title={t(`signIn.failure.${failure}`)} />
                ) : null}
                <TextInput
                  label={t('signIn.email')}
                  type="email"
                  autoComplete="username"
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={fieldErrors.email}
                  required
                  data-autofocus
                />
                <PasswordInput
                  label={t('signIn.password')}
                  autoComplete="current-password"
                  visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldErrors.password}
                  required
                />
                <Button type="submit" loading={busy} fullWidth>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Center mt="md">
            <LanguageSwitch />
          </Center>
        </main>
      </Box>
    </Center>
  );
}
