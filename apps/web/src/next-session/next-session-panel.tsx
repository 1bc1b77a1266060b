/**
 * The "Next session" panel of the PSW page (ADR 0036): the planned day (or none), schedule, change and
 * cancel in dialogs, and the agenda for it (with "confirm for the unit" on a shared unit condition,
 * ADR 0041). The agenda is a read behind the opened record: it waits
 * for the page's audited opening like every other read of the page.
 */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { type OpenRecord, useReopenWhenLapsed } from '../api/use-open-record';
import { useFormat } from '../i18n/format';
import { MutationError } from '../ui/mutation-error';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useRequestIds } from '../ui/use-request-ids';
import { AgendaSections } from './agenda-sections';
import { CancelPlanDialog, PlanSessionDialog, type PlanView } from './plan-dialogs';

export function NextSessionPanel({
  workerId,
  record,
  today,
}: {
  workerId: string;
  /** The page's audited opening of the PSW's record. */
  record: OpenRecord;
  today: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const agenda = useQuery(
    trpc.supervision.sessionAgenda.queryOptions({ workerId }, { enabled: record.opened }),
  );
  useReopenWhenLapsed(record, [agenda]);
  const [dialog, setDialog] = useState<'plan' | 'cancel' | null>(null);
  const requestIds = useRequestIds();
  const confirmUnit = useMutation(
    trpc.supervision.confirmUnitCondition.mutationOptions({
      onSuccess: (_data, input) => {
        requestIds.renew(input.observationId);
        return queryClient.invalidateQueries({ queryKey: trpc.supervision.sessionAgenda.pathKey() });
      },
    }),
  );
  const onSaved = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.supervision.sessionAgenda.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.plannedSession.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.caseload.pathKey() }),
    ]);
  };

  let body: ReactNode;
  let plan: PlanView | null = null;
  if (agenda.isPending) body = <LoadingState />;
  else if (agenda.isError) body = <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />;
  else {
    plan = agenda.data.plan;
    const date = plan ? fmt.date(plan.plannedOn) : '';
    body = (
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text
            size="sm"
            fw={plan ? 600 : 400}
            data-testid="next-session-date"
            data-planned-on={plan?.plannedOn ?? ''}
            {...(plan && plan.plannedOn < today ? { c: 'red.9' } : {})}
          >
            {plan === null
              ? t('next.none')
              : plan.plannedOn < today
                ? t('next.planLate', { date })
                : plan.plannedTime
                  ? t('next.plannedAt', { date, time: plan.plannedTime })
                  : t('next.plannedOn', { date })}
            {plan?.kind ? ` · ${t(`session.kinds.${plan.kind}`)}` : ''}
          </Text>
          <Group gap={6}>
            {plan === null ? (
              <Button size="xs" onClick={() => setDialog('plan')}>
                {t('next.schedule')}
              </Button>
            ) : (
              <>
                <Button size="xs" variant="light" onClick={() => setDialog('plan')}>
                  {t('next.change')}
                </Button>
                <Button size="xs" variant="light" color="red" onClick={() => setDialog('cancel')}>
                  {t('next.cancel')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        <Title order={3} fz="h4">
          {t('next.agenda.title')}
        </Title>
        <AgendaSections
          agenda={agenda.data}
          today={today}
          unitConfirm={{
            pendingId: confirmUnit.isPending ? (confirmUnit.variables?.observationId ?? null) : null,
            onConfirm: (observationId) =>
              confirmUnit.mutate({ observationId, requestId: requestIds.idFor(observationId) }),
          }}
        />
        <MutationError error={confirmUnit.error} />
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="next-session">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('next.title')}
        </Title>
        {body}
      </Stack>
      {dialog === 'plan' ? (
        <PlanSessionDialog
          workerId={workerId}
          plan={plan}
          today={today}
          onClose={() => setDialog(null)}
          onSaved={onSaved}
        />
      ) : null}
      {dialog === 'cancel' && plan ? (
        <CancelPlanDialog plan={plan} onClose={() => setDialog(null)} onSaved={onSaved} />
      ) : null}
    </Paper>
  );
}
