/**
 * The printable page of the PSW's own record (ADR 0040): sessions with the summaries shared with them,
 * their actions, their picture, their trend and every check-in, each answer marked shared or kept. It
 * shows the downloaded document, so it holds exactly what the JSON download holds.
 */
import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActionTitle } from '../actions/action-title';
import type { RouterOutputs } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { useOwnActionState } from './own-action-state';
import { OwnBurnoutMovement } from './own-burnout-movement';
import { OwnCheckInList } from './own-check-in-list';
import { OwnCheckInTrend } from './own-check-in-trend';
import { OwnPicture } from './own-picture';
import { OwnSessionCard } from './own-session-card';

export type OwnRecordDocumentView = RouterOutputs['ownRecord']['download'];

export function OwnRecordPrint({ document: d }: { document: OwnRecordDocumentView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const actionTitle = useActionTitle();
  const actionState = useOwnActionState();
  return (
    <Stack gap="md">
      <Stack gap={2} className="print-section">
        <Title order={1}>{t('ownPrint.title', { name: d.worker.displayName })}</Title>
        <Text size="sm">
          {t('ownPrint.printed', { date: fmt.date(d.exportedAt.slice(0, 10)), unit: d.worker.unitName })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('ownPrint.notesNever')}
        </Text>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="own-sessions" data-testid="print-sessions">
        <Title order={2} fz="h3" id="own-sessions">
          {t('own.sessions')}
        </Title>
        {d.sessions.length === 0 ? <Text>{t('own.noSessions')}</Text> : null}
        {d.sessions.map((s) => (
          <OwnSessionCard key={s.id} session={s} />
        ))}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="own-actions" className="print-section">
        <Title order={2} fz="h3" id="own-actions">
          {t('own.actions')}
        </Title>
        {d.actions.length === 0 ? (
          <Text>{t('own.noActions')}</Text>
        ) : (
          <List size="sm" spacing={4} data-testid="print-actions">
            {d.actions.map((a) => (
              <List.Item key={a.id}>
                {actionTitle(a)}: {actionState(a)}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <OwnPicture picture={d.picture} />
      <OwnCheckInTrend checkIns={d.checkIns} />
      <OwnBurnoutMovement checkIns={d.checkIns} />
      <Stack gap="sm" component="section" aria-labelledby="own-check-ins" data-testid="print-check-ins">
        <Title order={2} fz="h3" id="own-check-ins">
          {t('ownCheckIns.title')}
        </Title>
        <OwnCheckInList checkIns={d.checkIns} />
      </Stack>
    </Stack>
  );
}
