/**
 * The peer worker's own record (ADR 0031), designed at 390×844 first: their sessions with the summary
 * the supervisor shared, the agreed actions (those addressed to the peer worker they mark done with the
 * supervisor's outcome dialog, and reopen), their picture in the supervisor's words, and a JSON download.
 * Opening the page is the audited read (a POST); so is each download.
 */
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { type ConflictId, catalog } from '@peerbridge/domain';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionOutcomeDialog } from '../actions/action-outcome-dialog';
import { useActionTitle } from '../actions/action-title';
import { useTRPC } from '../api/trpc';
import { useMe } from '../auth/use-me';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { LevelBadge } from '../ui/level-badge';
import { MutationError } from '../ui/mutation-error';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { CheckInStart } from './check-in-start';

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
  const fmt = useFormat();
  const localized = useLocalized();
  const me = useMe();
  const open = useMutation(trpc.ownRecord.open.mutationOptions());
  const download = useMutation(trpc.ownRecord.download.mutationOptions());
  const actionTitle = useActionTitle();
  // Closing or reopening one of their actions reads the record again (one more audited read).
  const closeAction = useMutation(
    trpc.ownRecord.completeAction.mutationOptions({ onSuccess: () => open.mutate() }),
  );
  const reopenAction = useMutation(
    trpc.ownRecord.reopenAction.mutationOptions({ onSuccess: () => open.mutate() }),
  );
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
  const conflicts = Object.values(record.picture.explanation.conflicts);

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
          <Card key={s.id} withBorder padding="sm" data-testid="own-session" component="article">
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{fmt.date(s.heldOn)}</Text>
              <Text size="sm">{t(`session.kinds.${s.kind}`)}</Text>
              {s.minutes !== null ? <Text size="sm">{t('own.minutes', { count: s.minutes })}</Text> : null}
              {s.voided ? <Badge color="gray">{t('own.voided')}</Badge> : null}
            </Group>
            {s.sharedSummary ? (
              <Stack gap={2} mt="xs">
                <Text size="xs" c="dimmed">
                  {t('own.summary')}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="own-session-summary">
                  {s.sharedSummary}
                </Text>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed" mt="xs">
                {t('own.noSummary')}
              </Text>
            )}
            {s.comments.map((c) => (
              <Text key={c.id} size="sm" mt="xs" data-testid="own-comment" style={{ whiteSpace: 'pre-wrap' }}>
                <Text span size="xs" c="dimmed">
                  {t('own.yourComment', { date: fmt.dateTime(c.createdAt) })}:
                </Text>{' '}
                {c.body}
              </Text>
            ))}
            {s.sharedSummary ? <CommentForm sessionId={s.id} onSent={() => open.mutate()} /> : null}
          </Card>
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
                {a.status === 'done'
                  ? t('own.done', { date: a.completedAt ? fmt.date(a.completedAt.slice(0, 10)) : '' })
                  : a.dueOn
                    ? t('own.due', { date: fmt.date(a.dueOn) })
                    : t('own.open')}
                {a.status === 'done' && a.outcome ? ` · ${t(`actions.outcome.${a.outcome}`)}` : ''}
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

      <Stack gap="sm" component="section" aria-labelledby="own-picture">
        <Title order={2} fz="h3" id="own-picture">
          {t('own.picture')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('own.pictureHint', { date: fmt.date(record.picture.asOf) })}
        </Text>
        {conflicts.map((c) => (
          <Card key={c.conflict} withBorder padding="sm" data-testid="own-conflict">
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{localized(catalog.conflicts[c.conflict as ConflictId].label)}</Text>
              <LevelBadge level={c.level} />
            </Group>
            <Text mt="xs">{localized(c.headline)}</Text>
            {[c.raised, c.eased, c.unknown].map((part) => {
              const text = localized(part);
              return text ? (
                <Text key={text} size="sm" mt={4}>
                  {text}
                </Text>
              ) : null;
            })}
          </Card>
        ))}
        {record.picture.explanation.roles.map((r) => (
          <Text key={r.role} size="sm">
            {localized(r.text)}
          </Text>
        ))}
      </Stack>
    </Stack>
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
