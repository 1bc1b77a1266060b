/**
 * A session's changes (ADR 0010): the "History" disclosure lists each amendment or void with who, when,
 * why and the content it replaced. Loaded only when opened; notes of a revision only through the audited
 * "Show notes" POST.
 */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { MutationError } from '../ui/mutation-error';
import { ShowMoreButton } from '../ui/show-more-button';
import type { SessionView } from './evidence-types';

export function VoidedBadge({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!session.voided) return null;
  return (
    <Stack gap={2}>
      <Badge color="red" variant="light" data-testid="voided-badge">
        {t('records.change.voided')}
      </Badge>
      <Text size="xs" c="dimmed">
        {t('records.change.voidedBy', {
          name: session.voided.byName ?? '—',
          date: fmt.dateTime(session.voided.at),
          reason: session.voided.reason ?? '',
        })}
      </Text>
    </Stack>
  );
}

export function SessionHistory({ workerId, session }: { workerId: string; session: SessionView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const revisions = useInfiniteQuery(
    trpc.supervision.sessionRevisions.infiniteQueryOptions(
      { workerId, sessionId: session.id },
      { enabled: open, getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const shown = revisions.data?.pages.flatMap((page) => page.items) ?? [];
  const reveal = useMutation(trpc.supervision.revealNotes.mutationOptions());
  const [notes, setNotes] = useState<ReadonlyMap<string, string | null>>(new Map());
  const count = session.revisionCount ?? 0;
  if (count === 0) return null;
  const withHiddenNotes = shown.filter((r) => r.previous.hasNotes && !notes.has(r.id));
  const onReveal = async () => {
    const { revisionNotes } = await reveal.mutateAsync({
      workerId,
      revisionIds: withHiddenNotes.map((r) => r.id).slice(0, 200),
    });
    setNotes((previous) => {
      const next = new Map(previous);
      for (const n of revisionNotes) next.set(n.revisionId, n.privateNotes);
      return next;
    });
  };
  return (
    <Stack gap={4}>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        data-testid="session-history-toggle"
      >
        {t('records.history.show', { count })}
      </Button>
      {open ? (
        <Stack gap="xs" data-testid="session-history">
          {shown.map((r) => (
            <Stack key={r.id} gap={0}>
              <Text size="xs" fw={600}>
                {t(r.change === 'void' ? 'records.history.void' : 'records.history.amend', {
                  revision: r.revision,
                  name: r.changedByName ?? '—',
                  date: fmt.dateTime(r.changedAt),
                })}
              </Text>
              <Text size="xs">{t('records.history.reason', { reason: r.reason })}</Text>
              <Text size="xs" c="dimmed">
                {t('records.history.previous', {
                  date: fmt.date(r.previous.heldOn),
                  kind: t(`session.kinds.${r.previous.kind}`, { defaultValue: r.previous.kind }),
                  minutes: r.previous.minutes ?? '—',
                  count: r.previous.observations.length,
                })}
              </Text>
              {notes.has(r.id) ? (
                <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('records.history.previousNotes')}: {notes.get(r.id) ?? ''}
                </Text>
              ) : null}
            </Stack>
          ))}
          <ShowMoreButton query={revisions} testId="session-history-more" />
          {withHiddenNotes.length > 0 ? (
            <Group>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => void onReveal().catch(() => undefined)}
                loading={reveal.isPending}
              >
                {t('records.notes.reveal')}
              </Button>
            </Group>
          ) : null}
          <MutationError error={reveal.error} />
        </Stack>
      ) : null}
    </Stack>
  );
}
