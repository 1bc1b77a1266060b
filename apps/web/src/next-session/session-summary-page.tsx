/**
 * The one-page summary of a held session (ADR 0036): opening it is the audited view of the PSW's record
 * (`openSessionSummary`), then the summary is read. "Print" uses the browser's dialog (and its PDF);
 * the print stylesheet leaves only the summary, black on white.
 */
import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { catalog } from '@peerbridge/domain';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../api/trpc';
import { useOpenRecord, useReopenWhenLapsed } from '../api/use-open-record';
import { RequireRole } from '../auth/require-role';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { AnchorLink } from '../ui/router-links';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { valueText } from '../worker/value-text';
import { ActionLines, Section } from './agenda-sections';
import './session-summary-print.css';

export function SessionSummaryPage() {
  return (
    <RequireRole roles={['supervisor']}>
      <SessionSummaryView />
    </RequireRole>
  );
}

function SessionSummaryView() {
  const { workerId, sessionId } = useParams({ from: '/shell/workers/$workerId/sessions/$sessionId/summary' });
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const trpc = useTRPC();
  const client = useTRPCClient();
  // The same opened view as the PSW page (one audited event), found through the session's id.
  const record = useOpenRecord(`worker:${workerId}`, () =>
    client.supervision.openSessionSummary.mutate({ sessionId }),
  );
  const summary = useQuery(
    trpc.supervision.sessionSummary.queryOptions({ workerId, sessionId }, { enabled: record.opened }),
  );
  useReopenWhenLapsed(record, [summary]);
  const name = summary.data?.worker.displayName;
  useDocumentTitle(name ? t('next.summary.title', { name }) : undefined);

  if (record.error) return <ErrorState error={record.error} onRetry={() => void record.reopen()} />;
  if (summary.isPending) return <LoadingState />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  const { worker, session, observations, openActions, nextSession } = summary.data;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <Stack gap="md" maw={800} className="print-page" data-testid="session-summary">
      <Group justify="space-between" className="no-print">
        <AnchorLink to="/workers/$workerId" params={{ workerId }} size="sm">
          ← {t('next.summary.back', { name: worker.displayName })}
        </AnchorLink>
        <Button onClick={() => window.print()} data-testid="print-summary">
          {t('next.summary.print')}
        </Button>
      </Group>
      <Stack gap={2} className="print-section">
        <Title order={1}>{t('next.summary.title', { name: worker.displayName })}</Title>
        <Text size="sm">
          {t('next.summary.held', { date: fmt.date(session.heldOn) })} ·{' '}
          {t(`session.kinds.${session.kind}`, { defaultValue: session.kind })}
          {session.minutes !== null ? ` · ${t('next.summary.minutes', { count: session.minutes })}` : ''}
          {' · '}
          {worker.unit.name}
        </Text>
        {session.voided ? (
          <Alert color="red" variant="outline" role="note">
            {t('next.summary.voided')}
          </Alert>
        ) : null}
      </Stack>
      <Stack gap={4} className="print-section" data-testid="summary-shared">
        <Title order={2} fz="h4">
          {t('next.summary.shared')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {session.sharedSummary ??
            (session.nothingToRecord ? t('next.summary.nothingToRecord') : t('next.summary.noShared'))}
        </Text>
        <Text size="xs" c="dimmed">
          {t('next.summary.notesNever')}
        </Text>
      </Stack>
      <Section
        title={t('next.summary.observations')}
        empty={t('next.summary.noObservations')}
        testId="summary-observations"
        order={2}
      >
        {observations.map((o) => (
          <List.Item key={o.id}>
            {localized(catalog.indicators[o.indicator].label)}: {valueText(o.indicator, o.value, t)}
          </List.Item>
        ))}
      </Section>
      <ActionLines actions={openActions} today={today} order={2} />
      <Stack gap={4} className="print-section" data-testid="summary-next">
        <Title order={2} fz="h4">
          {t('next.summary.next')}
        </Title>
        <Text size="sm">
          {nextSession === null
            ? t('next.none')
            : nextSession.plannedTime
              ? t('next.plannedAt', { date: fmt.date(nextSession.plannedOn), time: nextSession.plannedTime })
              : t('next.plannedOn', { date: fmt.date(nextSession.plannedOn) })}
        </Text>
      </Stack>
    </Stack>
  );
}
