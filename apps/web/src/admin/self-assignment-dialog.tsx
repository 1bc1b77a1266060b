/** Asks an admin who assigns themselves as a PSW's supervisor for the reason the other admins will see (issue 8.5). */
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppDialog } from '../ui/app-dialog';

export function SelfAssignmentDialog({
  workerName,
  opened,
  busy,
  onConfirm,
  onCancel,
}: {
  workerName: string;
  opened: boolean;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <AppDialog opened={opened} onClose={onCancel} title={t('admin.workers.selfTitle', { name: workerName })}>
      <Stack gap="sm">
        <Text size="sm">{t('admin.workers.selfHint')}</Text>
        <Textarea
          label={t('admin.workers.selfReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={500}
          data-testid="self-assignment-reason"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('admin.workers.selfCancel')}
          </Button>
          <Button onClick={() => onConfirm(reason)} loading={busy} disabled={reason.trim() === ''}>
            {t('admin.workers.selfConfirm')}
          </Button>
        </Group>
      </Stack>
    </AppDialog>
  );
}
