/**
 * /my-record/print: the PSW's own record on one printable page (ADR 0040). Opening it reads the same
 * document as the JSON download, audited as `own_record.print`; "Print" opens the browser's dialog (and
 * its PDF). The session summary's print stylesheet (ADR 0036) leaves only the page.
 */
import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { AnchorLink } from '../ui/router-links';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { OwnRecordPrint } from './own-record-print';
import '../next-session/session-summary-print.css';

export function OwnRecordPrintPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const read = useMutation(trpc.ownRecord.printable.mutationOptions());
  const started = useRef(false);
  useDocumentTitle(t('own.title'));
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    read.mutate();
  }, [read]);

  if (read.error) return <ErrorState error={read.error} onRetry={() => read.mutate()} />;
  if (!read.data) return <LoadingState />;
  return (
    <Stack gap="md" maw={800} className="print-page" data-testid="own-record-print">
      <Group justify="space-between" className="no-print">
        <AnchorLink to="/my-record" size="sm">
          ← {t('ownPrint.back')}
        </AnchorLink>
        <Button onClick={() => window.print()} data-testid="own-print-button">
          {t('ownPrint.print')}
        </Button>
      </Group>
      <OwnRecordPrint document={read.data} />
    </Stack>
  );
}
