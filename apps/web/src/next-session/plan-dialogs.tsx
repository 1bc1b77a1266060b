/**
 * Schedule or change the next session, and cancel it (ADR 0036): each in the portal's dialog, with the
 * fields checked as the API checks them and the server's refusal shown in the dialog.
 */
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { AppDialog } from '../ui/app-dialog';
import { MutationError } from '../ui/mutation-error';
import {
  buildPlanInput,
  lastPlannableDay,
  type PlanDraft,
  type PlanErrors,
  type PlanKind,
} from './plan-draft';

/** The open plan as the API returns it. */
export interface PlanView {
  id: string;
  plannedOn: string;
  plannedTime: string | null;
  kind: PlanKind | null;
}

interface PlanDialogProps {
  workerId: string;
  /** The plan being changed, or null to schedule a new one. */
  plan: PlanView | null;
  today: string;
  onClose: () => void;
  /** After the change is saved: reload the agenda and the caseload. */
  onSaved: () => Promise<void>;
}

export function PlanSessionDialog({ workerId, plan, today, onClose, onSaved }: PlanDialogProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const schedule = useMutation(trpc.supervision.scheduleSession.mutationOptions());
  const change = useMutation(trpc.supervision.changePlannedSession.mutationOptions());
  const [draft, setDraft] = useState<PlanDraft>(() => ({
    plannedOn: plan?.plannedOn ?? '',
    plannedTime: plan?.plannedTime ?? '',
    kind: plan?.kind ?? '',
  }));
  const [errors, setErrors] = useState<PlanErrors>({});
  const update = (patch: Partial<PlanDraft>) => setDraft({ ...draft, ...patch });
  const error = plan ? change.error : schedule.error;
  const pending = schedule.isPending || change.isPending;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildPlanInput(draft, today);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    if (plan) await change.mutateAsync({ planId: plan.id, ...built.input });
    else await schedule.mutateAsync({ workerId, ...built.input });
    await onSaved();
    onClose();
  };

  return (
    <AppDialog opened onClose={onClose} title={plan ? t('next.changeTitle') : t('next.scheduleTitle')}>
      <form onSubmit={(e) => void onSubmit(e).catch(() => undefined)} noValidate data-testid="plan-form">
        <Stack gap="sm">
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t('next.date')}
              value={draft.plannedOn}
              min={today}
              max={lastPlannableDay(today)}
              onChange={(e) => update({ plannedOn: e.currentTarget.value })}
              error={errors.plannedOn ? t(errors.plannedOn) : undefined}
              required
              data-autofocus
            />
            <TextInput
              type="time"
              label={t('next.time')}
              value={draft.plannedTime}
              onChange={(e) => update({ plannedTime: e.currentTarget.value })}
              error={errors.plannedTime ? t(errors.plannedTime) : undefined}
              w={140}
            />
          </Group>
          <NativeSelect
            label={t('next.kind')}
            value={draft.kind}
            onChange={(e) => update({ kind: e.currentTarget.value as PlanDraft['kind'] })}
            data={[
              { value: '', label: t('next.anyKind') },
              ...(['individual', 'group', 'informal'] as const).map((k) => ({
                value: k,
                label: t(`session.kinds.${k}`),
              })),
            ]}
          />
          <MutationError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('next.close')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('next.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppDialog>
  );
}

export function CancelPlanDialog({
  plan,
  onClose,
  onSaved,
}: {
  plan: PlanView;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const trpc = useTRPC();
  const cancel = useMutation(trpc.supervision.cancelPlannedSession.mutationOptions());
  const onConfirm = async () => {
    await cancel.mutateAsync({ planId: plan.id });
    await onSaved();
    onClose();
  };
  return (
    <AppDialog opened onClose={onClose} title={t('next.cancelTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('next.cancelText', { date: fmt.date(plan.plannedOn) })}</Text>
        <MutationError error={cancel.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('next.keep')}
          </Button>
          <Button
            color="red"
            loading={cancel.isPending}
            onClick={() => void onConfirm().catch(() => undefined)}
          >
            {t('next.confirmCancel')}
          </Button>
        </Group>
      </Stack>
    </AppDialog>
  );
}
