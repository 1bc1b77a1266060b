/**
 * Amend and void a session (ADR 0010): each a dialog with its reason, one client request id per submit
 * (a double click or retry changes nothing twice), the revision shown, and errors on the fields named.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { AppDialog } from '../ui/app-dialog';
import { useRequestIds } from '../ui/use-request-ids';
import {
  type AmendDraft,
  amendDraftOf,
  buildAmendInput,
  buildVoidInput,
  type ChangeableSession,
  type ChangeErrors,
  type SessionKind,
  serverErrors,
} from './session-change-model';

interface FormProps {
  workerId: string;
  session: ChangeableSession;
  today: string;
  onClose: () => void;
  /** After a confirmed change: reload the sessions, the assessment and the caseload. */
  onChanged: () => Promise<void>;
}

function useErrorText() {
  const { t } = useTranslation();
  return (key: string | undefined) => (key ? t(key, { defaultValue: key }) : undefined);
}

export function AmendSessionDialog({ workerId, session, today, onClose, onChanged }: FormProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const trpc = useTRPC();
  const amend = useMutation(trpc.supervision.amendSession.mutationOptions());
  const requestIds = useRequestIds();
  const [draft, setDraft] = useState<AmendDraft>(() => amendDraftOf(session));
  const [errors, setErrors] = useState<ChangeErrors>({});
  const errorText = useErrorText();
  const update = (patch: Partial<AmendDraft>) => setDraft({ ...draft, ...patch });
  const shown = { ...errors, ...serverErrors(amend.error) };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildAmendInput(workerId, session, draft, today);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    await amend.mutateAsync({ requestId: requestIds.idFor(), ...built.input });
    requestIds.renew();
    await onChanged();
    onClose();
  };

  return (
    <AppDialog
      opened
      onClose={onClose}
      title={t('records.change.amendTitle', { date: fmt.date(session.heldOn) })}
    >
      <form onSubmit={(e) => void onSubmit(e).catch(() => undefined)} noValidate data-testid="amend-form">
        <Stack gap="sm">
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t('session.heldOn')}
              value={draft.heldOn}
              max={today}
              onChange={(e) => update({ heldOn: e.currentTarget.value })}
              error={errorText(shown.heldOn)}
              required
            />
            <NativeSelect
              label={t('session.kind')}
              value={draft.kind}
              onChange={(e) => update({ kind: e.currentTarget.value as SessionKind })}
              data={(['individual', 'group', 'informal'] as const).map((k) => ({
                value: k,
                label: t(`session.kinds.${k}`),
              }))}
            />
            <TextInput
              label={t('session.minutes')}
              inputMode="numeric"
              value={draft.minutes}
              onChange={(e) => update({ minutes: e.currentTarget.value })}
              error={errorText(shown.minutes)}
              w={120}
            />
          </Group>
          {draft.privateNotes === null ? (
            <Text size="sm" c="dimmed">
              {t('records.change.notesKept')}
            </Text>
          ) : (
            <Textarea
              label={t('session.notes')}
              autosize
              minRows={3}
              value={draft.privateNotes}
              onChange={(e) => update({ privateNotes: e.currentTarget.value })}
            />
          )}
          <Text size="sm" c="dimmed">
            {t('records.change.observationsKept')}
          </Text>
          <Checkbox
            label={t('records.nothingToRecord')}
            checked={draft.nothingToRecord}
            onChange={(e) => update({ nothingToRecord: e.currentTarget.checked })}
            error={errorText(shown.nothingToRecord)}
          />
          <Textarea
            label={t('records.change.reason')}
            description={t('records.change.amendReasonHint')}
            value={draft.reason}
            onChange={(e) => update({ reason: e.currentTarget.value })}
            error={errorText(shown.reason)}
            required
            data-testid="amend-reason"
          />
          {shown.form ? (
            <Alert color="red" role="alert" title={t('errors.CONFLICT')}>
              {shown.form}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('records.change.cancel')}
            </Button>
            <Button type="submit" loading={amend.isPending}>
              {t('records.change.saveAmend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppDialog>
  );
}

export function VoidSessionDialog({ workerId, session, onClose, onChanged }: FormProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const trpc = useTRPC();
  const voiding = useMutation(trpc.supervision.voidSession.mutationOptions());
  const requestIds = useRequestIds();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ChangeErrors>({});
  const errorText = useErrorText();
  const shown = { ...errors, ...serverErrors(voiding.error) };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildVoidInput(workerId, session, reason);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    await voiding.mutateAsync({ requestId: requestIds.idFor(), ...built.input });
    requestIds.renew();
    await onChanged();
    onClose();
  };

  return (
    <AppDialog
      opened
      onClose={onClose}
      title={t('records.change.voidTitle', { date: fmt.date(session.heldOn) })}
    >
      <form onSubmit={(e) => void onSubmit(e).catch(() => undefined)} noValidate data-testid="void-form">
        <Stack gap="sm">
          <Textarea
            label={t('records.change.reason')}
            description={t('records.change.voidReasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errorText(shown.reason)}
            required
            data-testid="void-reason"
          />
          {shown.form ? (
            <Alert color="red" role="alert" title={t('errors.CONFLICT')}>
              {shown.form}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('records.change.cancel')}
            </Button>
            <Button type="submit" color="red" loading={voiding.isPending}>
              {t('records.change.confirmVoid')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppDialog>
  );
}
