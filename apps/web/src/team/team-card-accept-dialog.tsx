/**
 * Accepting a team view card (ADR 0042): a due date, then one submit. The request id is made once per
 * opening, so a double click or a retry after a lost answer adds one action, not two. What was typed
 * stays in the form when the server refuses it.
 */
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppDialog } from '../ui/app-dialog';

export interface TeamCardAcceptDialogProps {
  title: string;
  /** The unit's name, or null for the whole organisation. */
  unitName: string | null;
  today: string;
  defaultDueOn: string;
  pending: boolean;
  error: { message: string } | null;
  onSubmit: (input: { requestId: string; dueOn: string }) => Promise<unknown>;
  onClose: () => void;
}

export function TeamCardAcceptDialog(props: TeamCardAcceptDialogProps) {
  const { t } = useTranslation();
  const [dueOn, setDueOn] = useState(props.defaultDueOn);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [requestId] = useState(() => crypto.randomUUID());
  const group =
    props.unitName === null ? t('teamActions.organization') : t('teamActions.team', { unit: props.unitName });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) return setInvalid('teamActions.dueInvalid');
    if (dueOn < props.today) return setInvalid('teamActions.duePast');
    setInvalid(null);
    await props.onSubmit({ requestId, dueOn });
  };

  return (
    <AppDialog
      opened
      onClose={props.onClose}
      title={t('teamActions.acceptTitle', { title: props.title })}
      size="lg"
    >
      <form onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('teamActions.acceptIntro', { group })}</Text>
          <TextInput
            type="date"
            label={t('teamActions.dueOn')}
            value={dueOn}
            min={props.today}
            onChange={(e) => {
              setDueOn(e.currentTarget.value);
              setInvalid(null);
            }}
            error={invalid ? t(invalid) : undefined}
            required
          />
          {props.error ? (
            <Alert color="red" role="alert" title={t('teamActions.failed')}>
              {props.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.pending}>
              {t('teamActions.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppDialog>
  );
}
