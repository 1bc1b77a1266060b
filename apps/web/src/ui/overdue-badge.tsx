/**
 * The one badge for "late": red everywhere (caseload, PSW page, actions list), with the word, so colour
 * only helps. `DueBadge` shows a due date, and turns into the red badge once the date has passed.
 */
import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

/** Red, filled, white text (WCAG AA): something is past its date. */
export function OverdueBadge({ children, testId = 'overdue' }: { children: ReactNode; testId?: string }) {
  return (
    <Badge color="red.9" c="white" variant="filled" size="sm" data-testid={testId} data-overdue="true">
      {children}
    </Badge>
  );
}

/** An open item is late once `today` is after its due date. */
export function isLate(item: { status: string; dueOn: string | null }, today: string): boolean {
  return item.status === 'open' && item.dueOn !== null && item.dueOn < today;
}

/** "due 10 Dec 2026" in grey, or "Late: due 10 Dec 2026" in red once passed. */
export function DueBadge({ item, today }: { item: { status: string; dueOn: string | null }; today: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (item.dueOn === null) return null;
  const due = t('actions.due', { date: fmt.date(item.dueOn) });
  if (isLate(item, today))
    return (
      <OverdueBadge testId="action-overdue">
        {t('actions.late')}: {due}
      </OverdueBadge>
    );
  return (
    <Badge variant="outline" color="gray.7" size="sm" data-testid="action-due">
      {due}
    </Badge>
  );
}
