/** The PSW's history: supervision sessions and the observations recorded about them (newest first). */
import { Button, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { catalog } from '@peerbridge/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { ScrollTable } from '../ui/scroll-table';
import type { ObservationView, SessionView } from './evidence-types';
import { valueText } from './value-text';

export function HistoryTables({
  sessions,
  observations,
  onRevealNotes,
  revealing = false,
  sessionActions,
}: {
  /** The amend / void / history cell of a session row (ADR 0010); absent: no such column. */
  sessionActions?: ((session: SessionView) => ReactNode) | undefined;
  sessions: readonly SessionView[];
  /** Reveals the hidden notes of the sessions listed (an audited POST); absent when nothing can be revealed. */
  onRevealNotes?: (() => void) | undefined;
  revealing?: boolean;
  /** Null when the observations cannot be listed: their tab is left out rather than shown empty. */
  observations: readonly ObservationView[] | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const sortedObservations = [...(observations ?? [])].sort((a, b) =>
    a.observedAt < b.observedAt ? 1 : a.observedAt > b.observedAt ? -1 : 0,
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="history">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('worker.history')}
        </Title>
        <Tabs defaultValue="sessions">
          <Tabs.List>
            <Tabs.Tab value="sessions">{t('worker.sessions', { count: sessions.length })}</Tabs.Tab>
            {observations ? (
              <Tabs.Tab value="observations">
                {t('worker.observations', { count: observations.length })}
              </Tabs.Tab>
            ) : null}
          </Tabs.List>
          <Tabs.Panel value="sessions" pt="sm">
            {sessions.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('worker.noSessions')}
              </Text>
            ) : (
              <Stack gap="xs">
                {onRevealNotes && sessions.some((s) => s.hasNotes && s.privateNotes === undefined) ? (
                  <Group gap="sm" wrap="wrap">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={onRevealNotes}
                      loading={revealing}
                      data-testid="reveal-notes"
                    >
                      {t('records.notes.reveal')}
                    </Button>
                    <Text size="xs" c="dimmed">
                      {t('records.notes.revealHint')}
                    </Text>
                  </Group>
                ) : null}
                <ScrollTable minWidth={560}>
                  <Table fz="sm" striped data-testid="sessions-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('session.heldOn')}</Table.Th>
                        <Table.Th>{t('session.kind')}</Table.Th>
                        <Table.Th>{t('session.minutes')}</Table.Th>
                        <Table.Th>{t('session.notes')}</Table.Th>
                        {sessionActions ? <Table.Th /> : null}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {sessions.map((s) => (
                        <Table.Tr
                          key={s.id}
                          data-testid="session-row"
                          data-voided={s.voided ? 'true' : undefined}
                          {...(s.voided ? { c: 'dimmed' } : {})}
                        >
                          <Table.Td {...(s.voided ? { td: 'line-through' } : {})}>
                            {fmt.date(s.heldOn)}
                          </Table.Td>
                          <Table.Td>{t(`session.kinds.${s.kind}`, { defaultValue: s.kind })}</Table.Td>
                          <Table.Td>{s.minutes === null ? '—' : fmt.number(s.minutes)}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                            {s.privateNotes !== undefined ? (
                              (s.privateNotes ?? '')
                            ) : s.hasNotes ? (
                              <Text span size="sm" c="dimmed">
                                {t('records.notes.hidden')}
                              </Text>
                            ) : (
                              ''
                            )}
                          </Table.Td>
                          {sessionActions ? <Table.Td>{sessionActions(s)}</Table.Td> : null}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </Stack>
            )}
          </Tabs.Panel>
          {observations ? (
            <Tabs.Panel value="observations" pt="sm">
              {sortedObservations.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('worker.noObservations')}
                </Text>
              ) : (
                <ScrollTable minWidth={560}>
                  <Table fz="sm" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('observation.date')}</Table.Th>
                        <Table.Th>{t('observation.indicator')}</Table.Th>
                        <Table.Th>{t('observation.value')}</Table.Th>
                        <Table.Th>{t('observation.source')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {sortedObservations.map((o) => (
                        <Table.Tr key={o.id}>
                          <Table.Td>{fmt.date(o.observedAt)}</Table.Td>
                          <Table.Td>
                            {localized(catalog.indicators[o.indicator].label)}
                            {o.aboutUnit ? ` (${t('why.unitLevel')})` : ''}
                          </Table.Td>
                          <Table.Td>{valueText(o.indicator, o.value, t)}</Table.Td>
                          <Table.Td>{t(`source.${o.source}`)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
            </Tabs.Panel>
          ) : null}
        </Tabs>
      </Stack>
    </Paper>
  );
}
