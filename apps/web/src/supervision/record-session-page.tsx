/** Record a supervision session: date, kind, minutes, private notes, and the check-in built from the catalog. */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { catalog } from '@peerbridge/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../api/trpc';
import { useOpenRecord, useReopenWhenLapsed } from '../api/use-open-record';
import { RequireRole } from '../auth/require-role';
import { useLocalized } from '../i18n/localized';
import { lastPlannableDay } from '../next-session/plan-draft';
import { AnchorLink } from '../ui/router-links';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { useRequestIds } from '../ui/use-request-ids';
import {
  buildSessionInput,
  type CheckInGroup,
  checkInGroups,
  type SessionDraft,
  type SessionDraftErrors,
} from './check-in-model';
import { CheckInQuestion } from './check-in-question';

export function RecordSessionPage() {
  return (
    <RequireRole roles={['supervisor']}>
      <RecordSession />
    </RequireRole>
  );
}

function GroupTitle({ group }: { group: CheckInGroup }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const g = group.group;
  const text =
    g.kind === 'role'
      ? t('record.groupRole', { role: localized(catalog.roles[g.id].label) })
      : g.kind === 'conflict'
        ? localized(catalog.conflicts[g.id].label)
        : t(`record.group.${g.kind}`);
  return (
    <Title order={2} fz="h4">
      {text}
    </Title>
  );
}

function RecordSession() {
  const { workerId } = useParams({ from: '/shell/workers/$workerId/record' });
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const client = useTRPCClient();
  // The form reads the PSW's assessment: the same audited opening of the record as the PSW page (ADR 0009).
  const opened = useOpenRecord(`worker:${workerId}`, () =>
    client.supervision.openWorker.mutate({ workerId }),
  );
  const worker = useQuery(trpc.supervision.assessment.queryOptions({ workerId }, { enabled: opened.opened }));
  useReopenWhenLapsed(opened, [worker]);
  const record = useMutation(trpc.supervision.recordSession.mutationOptions());
  // One id for this form: a double click or a retry after a lost answer saves the session once.
  const requestIds = useRequestIds();
  const groups = useMemo(() => checkInGroups(), []);
  const [draft, setDraft] = useState<SessionDraft | null>(null);
  const [errors, setErrors] = useState<SessionDraftErrors>({});
  useDocumentTitle(worker.data ? t('record.title', { name: worker.data.worker.displayName }) : undefined);

  if (opened.error) return <ErrorState error={opened.error} onRetry={() => void opened.reopen()} />;
  if (worker.isPending) return <LoadingState />;
  if (worker.isError) return <ErrorState error={worker.error} onRetry={() => void worker.refetch()} />;
  const today = worker.data.assessment.asOf;
  const current: SessionDraft = draft ?? {
    heldOn: today,
    kind: 'individual',
    minutes: '',
    privateNotes: '',
    answers: {},
    nothingToRecord: false,
  };
  const update = (patch: Partial<SessionDraft>) => setDraft({ ...current, ...patch });
  const answered = Object.values(current.answers).filter((v) => v !== undefined).length;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildSessionInput(workerId, current, today);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    await record.mutateAsync({ requestId: requestIds.idFor(), ...built.input });
    requestIds.renew();
    await queryClient.invalidateQueries();
    await navigate({ to: '/workers/$workerId', params: { workerId } });
  };

  const errorText = (key: string | undefined) => (key ? t(key, { defaultValue: key }) : undefined);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="record-title">
      <Stack gap="md" maw={900}>
        <AnchorLink to="/workers/$workerId" params={{ workerId }} size="sm">
          ← {worker.data.worker.displayName}
        </AnchorLink>
        <Title order={1} id="record-title">
          {t('record.title', { name: worker.data.worker.displayName })}
        </Title>
        <Paper withBorder p="md">
          <Group gap="md" align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t('session.heldOn')}
              value={current.heldOn}
              max={today}
              onChange={(e) => update({ heldOn: e.currentTarget.value })}
              error={errorText(errors.heldOn)}
              required
            />
            <NativeSelect
              label={t('session.kind')}
              value={current.kind}
              onChange={(e) => update({ kind: e.currentTarget.value as SessionDraft['kind'] })}
              data={(['individual', 'group', 'informal'] as const).map((k) => ({
                value: k,
                label: t(`session.kinds.${k}`),
              }))}
            />
            <TextInput
              label={t('session.minutes')}
              inputMode="numeric"
              value={current.minutes}
              onChange={(e) => update({ minutes: e.currentTarget.value })}
              error={errorText(errors.minutes)}
              w={140}
            />
          </Group>
          <Textarea
            mt="sm"
            label={t('session.notes')}
            description={t('record.notesHint')}
            autosize
            minRows={3}
            value={current.privateNotes}
            onChange={(e) => update({ privateNotes: e.currentTarget.value })}
          />
          <Textarea
            mt="sm"
            label={t('record.sharedSummary')}
            description={t('record.sharedSummaryHint')}
            autosize
            minRows={2}
            value={current.sharedSummary ?? ''}
            onChange={(e) => update({ sharedSummary: e.currentTarget.value })}
          />
          <Checkbox
            mt="sm"
            label={t('records.nothingToRecord')}
            description={t('records.nothingToRecordHint')}
            checked={current.nothingToRecord}
            onChange={(e) => update({ nothingToRecord: e.currentTarget.checked })}
            error={errorText(errors.nothingToRecord)}
          />
          <TextInput
            mt="sm"
            type="date"
            label={t('next.field')}
            description={t('next.fieldHint')}
            value={current.nextSessionOn ?? ''}
            min={today}
            max={lastPlannableDay(today)}
            onChange={(e) => update({ nextSessionOn: e.currentTarget.value })}
            error={errorText(errors.nextSessionOn)}
            w={260}
            data-testid="next-session-on"
          />
        </Paper>
        <Text size="sm" c="dimmed">
          {t('record.checkInHint')}
        </Text>
        {groups.map((group) => (
          <Paper key={group.key} withBorder p="md" data-testid={`group-${group.key}`}>
            <GroupTitle group={group} />
            {group.indicators.map((id) => (
              <CheckInQuestion
                key={id}
                indicator={id}
                value={current.answers[id]}
                error={errors[id]}
                onChange={(value) => update({ answers: { ...current.answers, [id]: value } })}
              />
            ))}
          </Paper>
        ))}
        {record.isError ? (
          <Alert color="red" role="alert" title={t('record.failed')}>
            {record.error.message}
          </Alert>
        ) : null}
        {Object.keys(errors).length > 0 ? (
          <Alert color="red" role="alert" title={t('record.fixErrors')} />
        ) : null}
        <Group justify="space-between">
          <Text size="sm">{t('record.answered', { count: answered })}</Text>
          <Button type="submit" loading={record.isPending}>
            {t('record.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
