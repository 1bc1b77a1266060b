/** A form's last row: the save error if any, the Save button, then "Saved" once it went through, and any extra buttons. */
import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from './mutation-error';

export interface SaveMutation {
  error: unknown;
  isPending: boolean;
  isSuccess: boolean;
}

export function SaveRow({ mutation, children }: { mutation: SaveMutation; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <MutationError error={mutation.error} />
      <Group>
        <Button type="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
        {children}
        {mutation.isSuccess ? (
          <Text size="sm" c="teal.9" role="status">
            {t('common.saved')}
          </Text>
        ) : null}
      </Group>
    </>
  );
}
