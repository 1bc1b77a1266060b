/**
 * The study page's memos and sets (ADR 0044): the project's notes, each code and document with its segment
 * and note counts and its notes on demand, and a set chooser that narrows the page's tables and analyses.
 * Presentational: the notes of a target come from `notesOf`, the index from the caller.
 */
import { Button, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../api/trpc';
import { ScrollTable } from '../ui/scroll-table';

export type StudyNotesIndexView = RouterOutputs['research']['notesIndex'];
export type NotesTarget =
  | { about: 'project' }
  | { about: 'code'; codeId: string }
  | { about: 'document'; documentId: string };

export interface StudyNotesViewProps {
  index: StudyNotesIndexView;
  onSetChange: (setId: string | undefined) => void;
  notesOf: (target: NotesTarget) => ReactNode;
}

export function StudyNotesView({ index, onSetChange, notesOf }: StudyNotesViewProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const toggle = (key: string) => setOpen((current) => (current === key ? null : key));
  const rowsOf = (
    kind: 'code' | 'document',
    rows: StudyNotesIndexView['codes'],
    target: (id: string) => NotesTarget,
  ) => (
    <Paper withBorder p="sm" data-testid={`study-${kind}s`}>
      <Stack gap="xs">
        <Title order={3} fz="h4">
          {t(`studyNotes.${kind}s`)}
        </Title>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t(kind === 'code' ? 'studyNotes.noCodes' : 'studyNotes.noDocuments')}
          </Text>
        ) : (
          <ScrollTable minWidth={480}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`studyNotes.${kind}`)}</Table.Th>
                  <Table.Th>{t('studyNotes.segments')}</Table.Th>
                  <Table.Th>{t('studyNotes.notes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const key = `${kind}:${r.id}`;
                  return (
                    <Fragment key={key}>
                      <Table.Tr data-testid={`study-${kind}-row`}>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td>{r.segments}</Table.Td>
                        <Table.Td>
                          {r.notes === 0 ? (
                            '0'
                          ) : (
                            <Button
                              variant="subtle"
                              size="compact-sm"
                              aria-expanded={open === key}
                              aria-label={t(open === key ? 'studyNotes.hideNotes' : 'studyNotes.showNotes', {
                                name: r.name,
                              })}
                              onClick={() => toggle(key)}
                            >
                              {r.notes}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                      {open === key ? (
                        <Table.Tr>
                          <Table.Td colSpan={3}>{notesOf(target(r.id))}</Table.Td>
                        </Table.Tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Paper>
  );

  return (
    <Paper withBorder p="md" data-testid="study-memos">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('studyNotes.title')}
        </Title>
        {index.pseudonymized ? (
          <Text size="sm" data-testid="study-notes-pseudonymized">
            {t('studyNotes.pseudonymized')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('studyNotes.hint')}
          </Text>
        )}
        {index.sets.length === 0 ? (
          index.pseudonymized ? null : (
            <Text size="sm" c="dimmed">
              {t('studyNotes.noSets')}
            </Text>
          )
        ) : (
          <NativeSelect
            label={t('studyNotes.setFilter')}
            value={index.set?.id ?? ''}
            onChange={(e) => onSetChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
            data={[
              { value: '', label: t('studyNotes.wholeStudy') },
              ...index.sets.map((s) => ({ value: s.id, label: s.name })),
            ]}
            data-testid="study-set-filter"
          />
        )}
        {index.set === null ? null : (
          <Text size="sm" fw={600} role="status" data-testid="study-set-filtered">
            {t('studyNotes.filtered', { name: index.set.name })}
          </Text>
        )}
        {index.pseudonymized ? null : (
          <Stack gap={4} data-testid="study-project-notes">
            <Title order={3} fz="h4">
              {t('studyNotes.projectNotes')}
            </Title>
            {index.projectNotes === 0 ? (
              <Text size="sm" c="dimmed">
                {t('studyNotes.noProjectNotes')}
              </Text>
            ) : (
              <>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  w="fit-content"
                  aria-expanded={open === 'project'}
                  onClick={() => toggle('project')}
                >
                  {t('studyNotes.projectNoteCount', { count: index.projectNotes })}
                </Button>
                {open === 'project' ? notesOf({ about: 'project' }) : null}
              </>
            )}
          </Stack>
        )}
        {rowsOf('code', index.codes, (codeId) => ({ about: 'code', codeId }))}
        {rowsOf('document', index.documents, (documentId) => ({ about: 'document', documentId }))}
      </Stack>
    </Paper>
  );
}
