/**
 * The study's exports for its owner: study JSON, the three CSV tables and a REFI-QDA .qdpx, plain or
 * pseudonymised with the owner's key file (ADR 0022; the key is sent with the request and never stored).
 */
import { Alert, Button, FileInput, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadStudyExport, type ExportChoice } from './download-study-export';

const choices: ReadonlyArray<[key: string, choice: ExportChoice]> = [
  ['json', { format: 'json' }],
  ['csvSegments', { format: 'csv', table: 'segments' }],
  ['csvParticipants', { format: 'csv', table: 'participants' }],
  ['csvCodes', { format: 'csv', table: 'codes' }],
  ['qdpx', { format: 'qdpx' }],
];

export function StudyDownloads({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const [pseudonymize, setPseudonymize] = useState(false);
  const [keyFile, setKeyFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const needsKey = pseudonymize && keyFile === null;

  const download = async (key: string, choice: ExportChoice) => {
    setBusy(key);
    setError(null);
    try {
      await downloadStudyExport(studyId, choice, pseudonymize ? keyFile : null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="study-downloads">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('research.downloads.title')}
        </Title>
        <Switch
          label={t('research.downloads.pseudonymize')}
          description={t('research.downloads.pseudonymizeHint')}
          checked={pseudonymize}
          onChange={(e) => setPseudonymize(e.currentTarget.checked)}
        />
        {pseudonymize && (
          <FileInput
            label={t('research.downloads.keyFile')}
            description={t('research.downloads.keyFilePlaceholder')}
            value={keyFile}
            onChange={setKeyFile}
            clearable
            clearButtonProps={{ 'aria-label': t('research.downloads.clearKey') }}
            maw={420}
            data-testid="key-file"
          />
        )}
        {needsKey && (
          <Text size="sm" c="dimmed">
            {t('research.downloads.needKey')}
          </Text>
        )}
        <Group gap="xs">
          {choices.map(([key, choice]) => (
            <Button
              key={key}
              variant="default"
              onClick={() => void download(key, choice)}
              loading={busy === key}
              disabled={needsKey || (busy !== null && busy !== key)}
            >
              {t(`research.downloads.${key}`)}
            </Button>
          ))}
        </Group>
        {error && (
          <Alert color="red" variant="light" role="alert" title={t('research.downloads.failed')}>
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
