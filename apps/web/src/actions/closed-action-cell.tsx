/** A closed action's status cell: its outcome, who closed it and when, the note, and Reopen. */
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

export interface ClosedAction {
  outcome: 'done' | 'not_needed' | 'did_not_help' | null;
  outcomeNote: string | null;
  completedAt: string | null;
  completedByName: string | null;
}

export function ClosedActionCell({
  item,
  title,
  reopening,
  onReopen,
  testId = 'action-outcome',
}: {
  item: ClosedAction;
  title: string;
  reopening: boolean;
  onReopen: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm" c="teal.9" data-testid={testId}>
        {item.outcome ? t(`actions.outcome.${item.outcome}`) : ''}
        {' · '}
        {t(item.completedByName ? 'actions.doneOnBy' : 'actions.doneOn', {
          date: item.completedAt ? fmt.dateTime(item.completedAt) : '',
          name: item.completedByName ?? '',
        })}
      </Text>
      {item.outcomeNote ? (
        <Text size="xs" c="dimmed">
          {item.outcomeNote}
        </Text>
      ) : null}
      <Button
        size="xs"
        variant="default"
        loading={reopening}
        onClick={onReopen}
        aria-label={t('actions.reopenFor', { title })}
      >
        {t('actions.reopen')}
      </Button>
    </Stack>
  );
}
