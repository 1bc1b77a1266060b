/** The caseload on a phone (below 600 px): one card per PSW, need first, no sideways scrolling. */
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { catalog } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { LevelBadge } from '../ui/level-badge';
import { OverdueBadge } from '../ui/overdue-badge';
import { AnchorLink } from '../ui/router-links';
import { type CaseloadEntry, daysBetween, isDue, isOverdue } from './caseload-view';
import { NeedReasons } from './need-reasons';
import { NextSessionText } from './next-session-text';

export function CaseloadCards({
  rows,
  asOf,
  cadence,
}: {
  rows: readonly CaseloadEntry[];
  asOf: string;
  cadence: number;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="caseload-cards">
      {rows.map((w) => {
        const days = daysBetween(w.lastSessionOn, asOf);
        const overdue = isOverdue(w, asOf, cadence);
        const due = !overdue && isDue(w, asOf, cadence);
        return (
          <Card
            component="li"
            withBorder
            padding="sm"
            radius="md"
            key={w.workerId}
            data-testid="caseload-row"
          >
            <Stack gap={6}>
              <AnchorLink to="/workers/$workerId" params={{ workerId: w.workerId }} fw={700}>
                {w.displayName}
              </AnchorLink>
              <div data-testid="need-reasons">
                <NeedReasons entry={w} />
              </div>
              <Text size="xs" c="dimmed">
                {w.unit.name} · {t('caseload.months', { count: w.tenureMonths })}
              </Text>
              <Group gap={6} wrap="wrap">
                <LevelBadge
                  level={w.conflicts.friend_vs_professional.level}
                  label={localized(catalog.conflicts.friend_vs_professional.label)}
                />
                <LevelBadge
                  level={w.conflicts.staff_member_vs_expert_by_experience.level}
                  label={localized(catalog.conflicts.staff_member_vs_expert_by_experience.label)}
                />
                <LevelBadge level={w.strain.level} label={t('caseload.col.strain')} />
              </Group>
              <Group gap={6} wrap="wrap">
                <Text size="sm" {...(overdue ? { c: 'red.9', fw: 700 } : {})}>
                  {t('caseload.col.lastSession')}:{' '}
                  {days === null
                    ? t('caseload.never')
                    : days === 0
                      ? t('caseload.today')
                      : t('caseload.daysAgo', { count: days })}
                </Text>
                {overdue ? (
                  <OverdueBadge>{t('caseload.overdue')}</OverdueBadge>
                ) : due ? (
                  <Badge color="yellow.4" c="black" size="sm" data-testid="due">
                    {t('day.need.due')}
                  </Badge>
                ) : null}
                {w.overdueActions > 0 ? (
                  <OverdueBadge testId="actions-overdue">
                    {t('actions.late')}: {fmt.number(w.overdueActions)}
                  </OverdueBadge>
                ) : null}
              </Group>
              <NextSessionText nextSessionOn={w.nextSessionOn} asOf={asOf} />
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
