/** A study's memos as read, each with what it is about, its author and date when the file stored them (ADR 0044). */
import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../api/trpc';
import { useFormat } from '../i18n/format';

export type StudyNoteView = RouterOutputs['research']['notes']['items'][number];

export function StudyNoteList({ notes }: { notes: readonly StudyNoteView[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (notes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('studyNotes.noNotes')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="study-notes">
      {notes.map((n) => {
        const byline = [
          n.author === null ? null : t('studyNotes.author', { author: n.author }),
          n.createdAt === null ? null : t('studyNotes.created', { date: fmt.dateTime(n.createdAt) }),
        ].filter((x) => x !== null);
        return (
          <Paper key={n.id} withBorder p="sm" data-testid="study-note">
            <Text fw={600} size="sm">
              {n.name ?? t('studyNotes.untitled')}
            </Text>
            <Text size="xs" c="dimmed" data-testid="study-note-meta">
              {[
                t(`studyNotes.target.${n.target}`, {
                  code: n.code?.name ?? '—',
                  document: n.document?.name ?? '—',
                }),
                ...byline,
              ].join(' · ')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="study-note-text">
              {n.text ?? t('studyNotes.noText')}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
