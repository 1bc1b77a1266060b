/**
 * The peer worker's own record (ADR 0031), designed at 390×844 first: their sessions with the summary
 * the supervisor shared, the agreed actions (those addressed to the peer worker they mark done with the
 * supervisor's outcome dialog, and reopen), their picture written to them (ADR 0045), their check-in
 * trend, the burnout answers kept for them and their check-ins (ADR 0040, 0045), a JSON download and a printable page.
 * Opening the page is the audited read (a POST); so is each download and each page of check-ins.
 */
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionOutcomeDialog } from '../actions/action-outcome-dialog';
import { useActionTitle } from '../actions/action-title';
import { useTRPC } from '../api/trpc';
import { useMe } from '../auth/use-me';
import { MutationError } from '../ui/mutation-error';
import { ButtonLink } from '../ui/router-links';
import { ShowMoreButton } from '../ui/show-more-button';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { CheckInStart } from './check-in-start';
import { useOwnActionState } from './own-action-state';
import { OwnBurnoutMovement } from './own-burnout-movement';
import { OwnCheckInList } from './own-check-in-list';
import { OwnCheckInTrend } from './own-check-in-trend';
import { OwnPicture } from './own-picture';
import { OwnSessionCard } from './own-session-card';
import { useOwnCheckIns } from './use-own-check-ins';

/** Saves a JSON document through the browser's download, named after the date. */
function saveJson(document: unknown, file: string): void {
  const blob = new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  URL.revokeObjectURL(url);
}

export function OwnRecordPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const open = useMutation(trpc.ownRecord.open.mutationOptions());
  const download = useMutation(trpc.ownRecord.download.mutationOptions());
  const actionTitle = useActionTitle();
  const actionState = useOwnActionState();
  // Closing or reopening one of their actions reads the record again (one more audited read).
  const closeAction = useMutation(
    trpc.ownRecord.completeAction.mutationOptions({ onSuccess: () => open.mutate() }),
  );
  const reopenAction = useMutation(
    trpc.ownRecord.reopenAction.mutationOptions({ onSuccess: () => open.mutate() }),
  );
  // Held here, not in its section, so reloading the record (after a comment or an action) keeps the
  // check-in pages already read instead of reading them again.
  const checkIns = useOwnCheckIns();
  const [closing, setClosing] = useState<{ id: string; title: string } | null>(null);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const opened = useRef(false);
  useDocumentTitle(t('own.title'));
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    open.mutate();
  }, [open]);

  if (open.error) return <ErrorState error={open.error} onRetry={() => open.mutate()} />;
  const record = open.data;
  if (!record) return <LoadingState />;
  const onDownload = () =>
    download.mutate(undefined, {
      onSuccess: (document) => {
        const file = `peerbridge-my-record-${document.exportedAt.slice(0, 10)}.json`;
        saveJson(document, file);
        setSavedAs(file);
      },
    });

  return (
    <Stack gap="lg" maw={720}>
      <Stack gap={4}>
        <Title order={1}>{t('own.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('own.intro', { organization: me.data?.organization.name ?? '' })}
        </Text>
      </Stack>
      <CheckInStart />
      <Group>
        <Button onClick={onDownload} loading={download.isPending} data-testid="own-download">
          {t('own.download')}
        </Button>
        <ButtonLink to="/my-record/print" variant="default" data-testid="own-print">
          {t('ownPrint.open')}
        </ButtonLink>
      </Group>
      {savedAs ? (
        <Alert color="teal" variant="light" role="status">
          {t('own.downloaded', { file: savedAs })}
        </Alert>
      ) : null}
      <MutationError error={download.error} />

      <Stack gap="sm" component="section" aria-labelledby="own-sessions">
        <Title order={2} fz="h3" id="own-sessions">
          {t('own.sessions')}
        </Title>
        {record.sessions.length === 0 ? <Text>{t('own.noSessions')}</Text> : null}
        {record.sessions.map((s) => (
          <OwnSessionCard key={s.id} session={s}>
            {s.sharedSummary ? <CommentForm sessionId={s.id} onSent={() => open.mutate()} /> : null}
          </OwnSessionCard>
        ))}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="own-actions">
        <Title order={2} fz="h3" id="own-actions">
          {t('own.actions')}
        </Title>
        {record.actions.length === 0 ? <Text>{t('own.noActions')}</Text> : null}
        {record.actions.map((a) => {
          const title = actionTitle(a);
          return (
            <Card key={a.id} withBorder padding="sm" data-testid="own-action" data-status={a.status}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{title}</Text>
                {a.forPeerWorker && a.status === 'open' ? (
                  <Badge variant="light">{t('own.forYou')}</Badge>
                ) : null}
              </Group>
              <Text size="sm" data-testid="own-action-state">
                {actionState(a)}
              </Text>
              {a.forPeerWorker ? (
                <Group mt="xs">
                  {a.status === 'open' ? (
                    <Button
                      size="sm"
                      variant="light"
                      onClick={() => setClosing({ id: a.id, title })}
                      aria-label={t('own.markDoneFor', { title })}
                      data-testid="own-action-done"
                    >
                      {t('own.markDone')}
                    </Button>
                  ) : (
                    <Button
                      size="sm"
                      variant="default"
                      loading={reopenAction.isPending && reopenAction.variables?.actionId === a.id}
                      onClick={() => reopenAction.mutate({ actionId: a.id })}
                      aria-label={t('own.reopenFor', { title })}
                    >
                      {t('own.reopen')}
                    </Button>
                  )}
                </Group>
              ) : null}
            </Card>
          );
        })}
        <MutationError error={reopenAction.error} />
        {closing ? (
          <ActionOutcomeDialog action={closing} onClose={() => setClosing(null)} mutation={closeAction} />
        ) : null}
      </Stack>

      <OwnPicture picture={record.picture} />
      <OwnCheckInsSections checkIns={checkIns} />
    </Stack>
  );
}

/** Their trend over the newest check-ins and the paged list of all of them, each answer shared or kept. */
function OwnCheckInsSections({ checkIns }: { checkIns: ReturnType<typeof useOwnCheckIns> }) {
  const { t } = useTranslation();
  if (checkIns.error) return <ErrorState error={checkIns.error} onRetry={checkIns.retry} />;
  if (!checkIns.loaded) return <LoadingState />;
  return (
    <>
      <OwnCheckInTrend checkIns={checkIns.items} />
      <OwnBurnoutMovement checkIns={checkIns.items} />
      <Stack gap="sm" component="section" aria-labelledby="own-check-ins">
        <Title order={2} fz="h3" id="own-check-ins">
          {t('ownCheckIns.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('ownCheckIns.hint')}
        </Text>
        <OwnCheckInList checkIns={checkIns.items} />
        <ShowMoreButton query={checkIns.more} testId="own-check-ins-more" />
      </Stack>
    </>
  );
}

/** A comment on one session's shared summary; the record reloads (an audited read) once it is sent. */
function CommentForm({ sessionId, onSent }: { sessionId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [body, setBody] = useState('');
  const comment = useMutation(trpc.ownRecord.comment.mutationOptions());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    comment.mutate(
      { sessionId, body },
      {
        onSuccess: () => {
          setBody('');
          onSent();
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit}>
      <Stack gap={4} mt="xs">
        <Textarea
          label={t('own.comment')}
          description={t('own.commentHint')}
          autosize
          minRows={2}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <MutationError error={comment.error} />
        <Group>
          <Button
            type="submit"
            size="xs"
            variant="light"
            loading={comment.isPending}
            disabled={body.trim() === ''}
          >
            {t('own.sendComment')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
