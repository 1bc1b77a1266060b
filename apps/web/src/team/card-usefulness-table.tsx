/**
 * "Was this recommendation useful" for admins (ADR 0042): per card, how its closed actions ended, as
 * published (hidden cells marked with their reason, never drawn as zero), with a CSV download for research.
 */
import { Table, Text } from '@mantine/core';
import type { SuppressedTable, SuppressionReason } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useActionTitle } from '../actions/action-title';
import { ScrollTable } from '../ui/scroll-table';
import { HiddenCount } from './hidden-count';

/** The usefulness table as the API sends it: a suppressed count table (rows are card ids). */
export type UsefulnessTableView = SuppressedTable;

export function CardUsefulnessTable({ table }: { table: UsefulnessTableView }) {
  const { t } = useTranslation();
  const titleOf = useActionTitle();
  const count = (value: number | null, reason: SuppressionReason | null) =>
    value === null ? (
      <HiddenCount
        size={table.k}
        k={table.k}
        reason={t(`teamActions.usefulness.reason.${reason ?? 'complementary'}`, { k: table.k })}
      />
    ) : (
      <Text span size="sm">
        {value}
      </Text>
    );
  return (
    <ScrollTable minWidth={640}>
      <Table striped data-testid="usefulness-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('teamActions.usefulness.card')}</Table.Th>
            {table.columns.map((c) => (
              <Table.Th key={c}>{t(`actions.outcome.${c}`)}</Table.Th>
            ))}
            <Table.Th>{t('teamActions.usefulness.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((cardId, r) => (
            <Table.Tr key={cardId} data-testid={`usefulness-${cardId}`}>
              <Table.Td>
                <Text size="sm">{titleOf({ cardId, title: null })}</Text>
              </Table.Td>
              {table.columns.map((c, i) => (
                <Table.Td key={c}>
                  {count(table.cells[r]?.[i] ?? null, table.cellReasons[r]?.[i] ?? null)}
                </Table.Td>
              ))}
              <Table.Td>{count(table.rowTotals[r] ?? null, table.rowTotalReasons[r] ?? null)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('teamActions.usefulness.totals')}</Table.Th>
            {table.columns.map((c, i) => (
              <Table.Td key={c}>
                {count(table.columnTotals[i] ?? null, table.columnTotalReasons[i] ?? null)}
              </Table.Td>
            ))}
            <Table.Td>{count(table.total, table.totalReason)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}
