/**
 * The admin's burnout questionnaire (ADR 0041): PeerBridge ships no copyrighted items, so the admin
 * pastes the texts the organisation licensed, one per line per scale, in the count the scoring
 * expects; a wrong count is named on its field before anything is sent. "Turn off" keeps the texts
 * on the form, so nothing typed is lost.
 */
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { BurnoutScale } from '@peerbridge/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { MutationError } from '../ui/mutation-error';
import { ErrorState, LoadingState } from '../ui/state-views';
import { type BurnoutItemLists, countsOf, itemsOf, textsOf } from './burnout-items-draft';

export function BurnoutItemsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stored = useQuery(trpc.admin.burnoutItems.queryOptions());
  const save = useMutation(
    trpc.admin.setBurnoutItems.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.admin.burnoutItems.queryKey(), data),
    }),
  );
  if (stored.error) return <ErrorState error={stored.error} onRetry={() => stored.refetch()} />;
  if (!stored.data) return <LoadingState />;
  return (
    <BurnoutItemsForm
      initial={stored.data.items}
      enabled={stored.data.items !== null}
      onSave={(items) => save.mutate({ items })}
      pending={save.isPending}
      error={save.error}
      saved={save.isSuccess ? (save.variables.items === null ? 'off' : 'on') : null}
    />
  );
}

export function BurnoutItemsForm({
  initial,
  enabled,
  onSave,
  pending,
  error,
  saved,
}: {
  initial: BurnoutItemLists | null;
  enabled: boolean;
  onSave: (items: BurnoutItemLists | null) => void;
  pending: boolean;
  error: unknown;
  /** What the last save did, for its confirmation; null before any save. */
  saved: 'on' | 'off' | null;
}) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState(() => textsOf(initial));
  const [tried, setTried] = useState(false);
  const counts = countsOf(texts);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const items = itemsOf(texts);
    if (items) onSave(items);
  };
  const field = (scale: BurnoutScale) => {
    const { n, count } = counts[scale];
    return (
      <Textarea
        label={t(scale === 'personal' ? 'admin.burnout.personal' : 'admin.burnout.work', { count })}
        description={t('admin.burnout.lines', { n, count })}
        value={texts[scale]}
        onChange={(e) => setTexts({ ...texts, [scale]: e.currentTarget.value })}
        error={tried && n !== count ? t('admin.burnout.wrongCount', { n, count }) : undefined}
        autosize
        minRows={count}
        data-testid={`burnout-items-${scale}`}
      />
    );
  };
  return (
    <Paper withBorder p="md" maw={720} component="section" aria-labelledby="burnout-title">
      <form onSubmit={onSubmit} data-testid="burnout-items-form" noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="burnout-title">
            {t('admin.burnout.title')}
          </Title>
          <Text size="sm">{t('admin.burnout.hint')}</Text>
          <Alert color="blue" variant="light">
            {t('admin.burnout.noItems')}
          </Alert>
          <Text size="sm" fw={600} data-testid="burnout-state">
            {enabled ? t('admin.burnout.on') : t('admin.burnout.off')}
          </Text>
          {field('personal')}
          {field('work')}
          <MutationError error={error} />
          <Group>
            <Button type="submit" loading={pending}>
              {t('admin.burnout.enable')}
            </Button>
            {enabled ? (
              <Button variant="default" color="red" onClick={() => onSave(null)} disabled={pending}>
                {t('admin.burnout.turnOff')}
              </Button>
            ) : null}
            {saved === 'on' ? (
              <Text size="sm" c="teal.9" role="status">
                {t('common.saved')}
              </Text>
            ) : saved === 'off' ? (
              <Text size="sm" role="status">
                {t('admin.burnout.turnedOff')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
