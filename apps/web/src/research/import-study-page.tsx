/**
 * Importing a study in the browser (issue 14): choose a study name and a file, watch the upload, see the
 * preview (rows, offset decisions, warnings, unmapped codes), map unmapped codes to indicators and preview
 * again, then commit and land on the study. Nothing is saved before the commit; the mapping chosen here
 * becomes the study's mapping.
 */
import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { IndicatorId } from '@peerbridge/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { RequireRole } from '../auth/require-role';
import { MutationError } from '../ui/mutation-error';
import { AnchorLink } from '../ui/router-links';
import { useDocumentTitle } from '../ui/use-document-title';
import { ImportPreview } from './import-preview';
import { MappingEditor, type UnmappedCode } from './mapping-editor';
import { type UploadHandle, type UploadPreview, uploadStudyFile } from './upload-study-file';

export function ImportStudyPage() {
  return (
    <RequireRole roles={['researcher']}>
      <ImportStudy />
    </RequireRole>
  );
}

const ACCEPT = '.qdpx,.qde,.csv,.tsv,.json,.txt,.docx';

function ImportStudy() {
  const { t } = useTranslation();
  useDocumentTitle(t('research.import.title'));
  const [study, setStudy] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  /** The first preview: its mapping is what the editor adds to, its unmapped codes what the editor lists. */
  const [first, setFirst] = useState<UploadPreview | null>(null);
  const [rules, setRules] = useState<Record<string, IndicatorId>>({});
  const handle = useRef<UploadHandle | null>(null);

  const start = async () => {
    if (!file || study.trim() === '') return;
    setUploadError(null);
    setProgress(0);
    handle.current = uploadStudyFile(file, study.trim(), setProgress);
    try {
      const answer = await handle.current.done;
      setPreview(answer);
      setFirst(answer);
      setRules({});
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : String(error));
    } finally {
      setProgress(null);
      handle.current = null;
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <AnchorLink to="/studies" size="sm">
          ← {t('research.title')}
        </AnchorLink>
        <Title order={1}>{t('research.import.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('research.import.intro')}
        </Text>
      </Stack>
      {preview && first ? (
        <PreviewStep
          study={study.trim()}
          preview={preview}
          first={first}
          rules={rules}
          onRules={setRules}
          onPreview={setPreview}
          onDiscarded={() => {
            setPreview(null);
            setFirst(null);
            setFile(null);
          }}
        />
      ) : (
        <Paper withBorder p="md">
          <Stack gap="sm" maw={560}>
            <TextInput
              label={t('research.import.studyName')}
              description={t('research.import.studyNameHint')}
              value={study}
              onChange={(e) => setStudy(e.currentTarget.value)}
              maxLength={200}
              required
            />
            <FileInput
              label={t('research.import.file')}
              description={t('research.import.filePlaceholder')}
              accept={ACCEPT}
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': t('research.import.clearFile') }}
              required
              data-testid="study-file"
            />
            {progress !== null && (
              <Stack gap={4}>
                <Progress value={progress * 100} aria-label={t('research.import.progress')} animated />
                <Text size="sm" data-testid="upload-progress">
                  {progress < 1
                    ? t('research.import.uploading', { percent: Math.round(progress * 100) })
                    : t('research.import.checking')}
                </Text>
              </Stack>
            )}
            {uploadError && (
              <Alert color="red" variant="light" role="alert" title={t('research.import.failed')}>
                {uploadError}
              </Alert>
            )}
            <Group>
              <Button
                onClick={() => void start()}
                disabled={!file || study.trim() === '' || progress !== null}
              >
                {t('research.import.upload')}
              </Button>
              {progress !== null && (
                <Button variant="default" onClick={() => handle.current?.abort()}>
                  {t('common.cancel')}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function PreviewStep({
  study,
  preview,
  first,
  rules,
  onRules,
  onPreview,
  onDiscarded,
}: {
  study: string;
  preview: UploadPreview;
  first: UploadPreview;
  rules: Record<string, IndicatorId>;
  onRules: (rules: Record<string, IndicatorId>) => void;
  onPreview: (preview: UploadPreview) => void;
  onDiscarded: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mapping = () => {
    const chosen = Object.entries(rules).map(([guid, indicator]) => ({ guid, indicator }));
    if (chosen.length === 0) return undefined;
    return { ...first.mapping, codes: [...first.mapping.codes, ...chosen] };
  };
  const input = () => ({ uploadId: first.upload.id, study, mapping: mapping() });
  const again = useMutation(trpc.research.previewUpload.mutationOptions({ onSuccess: onPreview }));
  const commit = useMutation(
    trpc.research.commitUpload.mutationOptions({
      onSuccess: async ({ studyId }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.research.studies.queryKey() });
        await navigate({ to: '/studies/$studyId', params: { studyId } });
      },
    }),
  );
  const discard = useMutation(trpc.research.discardUpload.mutationOptions({ onSuccess: onDiscarded }));
  const unmapped: UnmappedCode[] = first.report.unmappedCodes;
  const stillUnmapped = preview.report.unmappedCodes.length;
  const busy = again.isPending || commit.isPending || discard.isPending;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" data-testid="import-preview">
        <Stack gap="sm">
          <Title order={2} fz="h3">
            {t('research.import.preview', { file: preview.upload.fileName, study })}
          </Title>
          <ImportPreview preview={preview} />
        </Stack>
      </Paper>
      {preview.report.status !== 'already_imported' && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} fz="h3">
              {t('research.import.unmapped')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('research.import.unmappedHint')}
            </Text>
            <Text size="sm" data-testid="still-unmapped">
              {t('research.import.stillUnmapped', { count: stillUnmapped })}
            </Text>
            <MappingEditor codes={unmapped} rules={rules} onChange={onRules} />
            {unmapped.length > 0 && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => again.mutate(input())}
                  loading={again.isPending}
                  disabled={busy}
                >
                  {t('research.import.applyMapping')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      <MutationError error={again.error ?? commit.error ?? discard.error} />
      <Group>
        {preview.report.status !== 'already_imported' && (
          <Button onClick={() => commit.mutate(input())} loading={commit.isPending} disabled={busy}>
            {t('research.import.commit')}
          </Button>
        )}
        <Button
          variant="default"
          onClick={() => discard.mutate({ uploadId: first.upload.id })}
          loading={discard.isPending}
          disabled={busy}
        >
          {t('research.import.discard')}
        </Button>
      </Group>
    </Stack>
  );
}
