/** Closing an action asks how it ended (done, not needed, did not help) and takes an optional note. */
import { Alert, Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { AppDialog } from '../ui/app-dialog';

export const outcomes = ['done', 'not_needed', 'did_not_help'] as const;
export type Outcome = (typeof outcomes)[number];

/** Refreshes every list an action shows in: the actions pages, the PSW page, the caseload. */
export function useActionRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.supervision.actions.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.actionHistory.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.assessment.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.caseload.queryKey() }),
    ]);
  };
}

/** What closes the action: the supervisor's procedure by default, the PSW's own on their page. */
export interface CloseActionMutation {
  mutateAsync: (input: { actionId: string; outcome: Outcome; note?: string }) => Promise<unknown>;
  isPending: boolean;
  error: { message: string } | null;
}

export function ActionOutcomeDialog({
  action,
  onClose,
  mutation,
}: {
  action: { id: string; title: string };
  onClose: () => void;
  mutation?: CloseActionMutation;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useActionRefresh();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const supervisorClose = useMutation(
    trpc.supervision.completeAction.mutationOptions({ onSuccess: refresh }),
  );
  const close: CloseActionMutation = mutation ?? supervisorClose;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (outcome === '') {
      setMissing(true);
      return;
    }
    const trimmed = note.trim();
    await close.mutateAsync({ actionId: action.id, outcome, ...(trimmed === '' ? {} : { note: trimmed }) });
    onClose();
  };

  return (
    <AppDialog opened onClose={onClose} title={t('actions.closeTitle', { title: action.title })} size="lg">
      <form onSubmit={(e) => void onSubmit(e).catch(() => undefined)} noValidate>
        <Stack gap="sm">
          <Radio.Group
            label={t('actions.outcomeLabel')}
            value={outcome}
            onChange={(v) => {
              setOutcome(v as Outcome);
              setMissing(false);
            }}
            error={missing ? t('actions.outcomeRequired') : undefined}
            required
          >
            <Stack gap={6} mt={6}>
              {outcomes.map((o) => (
                <Radio key={o} value={o} label={t(`actions.outcome.${o}`)} data-testid={`outcome-${o}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('actions.noteLabel')}
            description={t('actions.noteHint')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
          {close.error ? (
            <Alert color="red" role="alert" title={t('actions.closeFailed')}>
              {close.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={close.isPending}>
              {t('actions.closeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppDialog>
  );
}
