/**
 * The next session's agenda (ADR 0036): open and overdue actions, the indicators that changed since the
 * last session, the catalog questions for what is unknown, and the PSW's own check-in answers (a unit
 * condition among them with "confirm for the unit", ADR 0041). Each section says so when it is empty,
 * so "nothing" is never confused with "not loaded".
 */
import { Badge, Button, List, Stack, Text, Title } from '@mantine/core';
import { catalog, type IndicatorId, type LocalizedText } from '@peerbridge/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionOwnerText, type ActionOwnerView } from '../actions/action-owner-text';
import { type TitledAction, useActionTitle } from '../actions/action-title';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { DueBadge } from '../ui/overdue-badge';
import { valueText } from '../worker/value-text';

export interface AgendaView {
  lastSessionOn: string | null;
  since: string;
  actions: (TitledAction & { id: string; owner: ActionOwnerView; dueOn: string | null; status: string })[];
  changed: {
    indicator: IndicatorId;
    before: number | null;
    now: number;
    observedOn: string;
    source: string;
  }[];
  questions: { indicator: IndicatorId; question: LocalizedText }[];
  selfReports: {
    id: string;
    indicator: IndicatorId;
    value: number;
    observedOn: string;
    note: string | null;
    /** A unit condition (desk, meetings, client information): confirmed for the unit yet; null otherwise. */
    confirmedForUnit?: boolean | null;
  }[];
}

/** The supervisor's "confirm for the unit" on a shared unit condition (ADR 0041). */
export interface UnitConfirm {
  onConfirm: (selfReportId: string) => void;
  /** The self-report being confirmed right now, if any. */
  pendingId: string | null;
}

/** A titled section of a one-page view: the heading, then the items or the empty text. */
export function Section({
  title,
  empty,
  testId,
  order = 3,
  children,
}: {
  title: string;
  empty: string;
  testId: string;
  /** The heading level: 3 inside the PSW page's panel, 2 on the summary page. */
  order?: 2 | 3;
  children: ReactNode[];
}) {
  return (
    <Stack gap={4} data-testid={testId} className="print-section">
      <Title order={order} fz={order === 2 ? 'h4' : 'h5'}>
        {title}
      </Title>
      {children.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {children}
        </List>
      )}
    </Stack>
  );
}

/** The open actions with owner and due date; the late ones carry the red badge. */
export function ActionLines({
  actions,
  today,
  order = 3,
}: {
  actions: AgendaView['actions'];
  today: string;
  order?: 2 | 3;
}) {
  const { t } = useTranslation();
  const titleOf = useActionTitle();
  return (
    <Section
      title={t('next.agenda.actions')}
      empty={t('next.agenda.noActions')}
      testId="agenda-actions"
      order={order}
    >
      {actions.map((a) => (
        <List.Item key={a.id}>
          {titleOf(a)} · <ActionOwnerText owner={a.owner} /> <DueBadge item={a} today={today} />
        </List.Item>
      ))}
    </Section>
  );
}

export function AgendaSections({
  agenda,
  today,
  unitConfirm,
}: {
  agenda: AgendaView;
  today: string;
  /** Absent where nothing may be changed (the printable summary). */
  unitConfirm?: UnitConfirm;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const label = (id: IndicatorId) => localized(catalog.indicators[id].label);
  return (
    <Stack gap="sm" data-testid="agenda">
      <Text size="xs" c="dimmed">
        {agenda.lastSessionOn
          ? t('next.agenda.since', { date: fmt.date(agenda.lastSessionOn) })
          : t('next.agenda.sinceStart', { date: fmt.date(agenda.since) })}
      </Text>
      <ActionLines actions={agenda.actions} today={today} />
      <Section title={t('next.agenda.changed')} empty={t('next.agenda.noChanges')} testId="agenda-changed">
        {agenda.changed.map((c) => (
          <List.Item key={c.indicator}>
            {label(c.indicator)}:{' '}
            {c.before === null
              ? t('next.agenda.newValue', { now: valueText(c.indicator, c.now, t) })
              : t('next.agenda.changedFrom', {
                  before: valueText(c.indicator, c.before, t),
                  now: valueText(c.indicator, c.now, t),
                })}{' '}
            <Text span size="xs" c="dimmed">
              ({fmt.date(c.observedOn)}, {t(`source.${c.source}`)})
            </Text>
          </List.Item>
        ))}
      </Section>
      <Section
        title={t('next.agenda.questions')}
        empty={t('next.agenda.noQuestions')}
        testId="agenda-questions"
      >
        {agenda.questions.map((q) => (
          <List.Item key={q.indicator}>{localized(q.question)}</List.Item>
        ))}
      </Section>
      <Section
        title={t('next.agenda.selfReports')}
        empty={t('next.agenda.noSelfReports')}
        testId="agenda-self-reports"
      >
        {agenda.selfReports.map((s) => (
          <List.Item key={s.id}>
            {label(s.indicator)}: {valueText(s.indicator, s.value, t)}{' '}
            <Text span size="xs" c="dimmed">
              ({fmt.date(s.observedOn)})
            </Text>
            {s.confirmedForUnit === true ? (
              <Badge size="sm" variant="light" color="teal" ml={4}>
                {t('next.agenda.confirmedUnit')}
              </Badge>
            ) : s.confirmedForUnit === false && unitConfirm ? (
              <Button
                size="compact-xs"
                variant="light"
                ml={4}
                aria-label={t('next.agenda.confirmUnitOf', { indicator: label(s.indicator) })}
                loading={unitConfirm.pendingId === s.id}
                disabled={unitConfirm.pendingId !== null}
                onClick={() => unitConfirm.onConfirm(s.id)}
                data-testid="agenda-confirm-unit"
              >
                {t('next.agenda.confirmUnit')}
              </Button>
            ) : null}
            {s.note ? <Text size="xs">“{s.note}”</Text> : null}
          </List.Item>
        ))}
      </Section>
    </Stack>
  );
}
