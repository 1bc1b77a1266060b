/** A failed save: what kind of failure in the user's language, and the server's message (it names the field). */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { trpcErrorCode } from '../api/trpc';

const knownCodes = new Set(['BAD_REQUEST', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND']);

export function MutationError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = trpcErrorCode(error);
  const title = code && knownCodes.has(code) ? t(`errors.${code}`) : t('common.saveFailed');
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}
