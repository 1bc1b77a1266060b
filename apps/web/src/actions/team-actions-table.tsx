/** Team actions as a table (ADR 0042): the card's title in the viewer's language, for whom, owner, due date, and close or reopen. */
import { Button, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { DueBadge } from '../ui/overdue-badge';
import { ScrollTable } from '../ui/scroll-table';
import { useActionTitle } from './action-title';
import { ClosedActionCell } from './closed-action-cell';

/** One team action as `team.actions` sends it. */
export type TeamActionView = RouterOutputs['team']['actions']['items'][number];

export function TeamActionsTable({
  items,
  today,
  onClose,
  onReopen,
  reopening,
  footer,
}: {
  items: readonly TeamActionView[];
  today: string;
  onClose: (item: TeamActionView, title: string) => void;
  onReopen: (item: TeamActionView) => void;
  reopening: string | null;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleOf = useActionTitle();
  return (
    <ScrollTable minWidth={640}>
      <Table striped verticalSpacing="sm" data-testid="team-actions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('teamActions.col.title')}</Table.Th>
            <Table.Th>{t('teamActions.col.for')}</Table.Th>
            <Table.Th>{t('teamActions.col.owner')}</Table.Th>
            <Table.Th>{t('teamActions.col.due')}</Table.Th>
            <Table.Th>{t('teamActions.col.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const title = titleOf({ cardId: item.cardId, title: null });
            return (
              <Table.Tr key={item.id} data-testid="team-action-row" data-status={item.status}>
                <Table.Td>
                  <Text size="sm">{title}</Text>
                  <Text size="xs" c="dimmed">
                    {t('teamActions.fromReport', { period: fmt.month(item.period) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {item.unit === null
                    ? t('teamActions.organization')
                    : t('teamActions.team', { unit: item.unit.unitName })}
                </Table.Td>
                <Table.Td>{item.owner.name}</Table.Td>
                <Table.Td>
                  <DueBadge item={item} today={today} />
                </Table.Td>
                <Table.Td>
                  {item.status === 'open' ? (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onClose(item, title)}
                      aria-label={t('actions.closeFor', { title })}
                    >
                      {t('actions.close')}
                    </Button>
                  ) : (
                    <ClosedActionCell
                      item={item}
                      title={title}
                      reopening={reopening === item.id}
                      onReopen={() => onReopen(item)}
                      testId="team-action-outcome"
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {footer}
    </ScrollTable>
  );
}
