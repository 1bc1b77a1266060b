/** How common each conflict and finding is, by setting; cells under k are hidden and say so. */
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { catalog, type SuppressedTable } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../i18n/localized';
import { ScrollTable } from '../ui/scroll-table';

const settingColors: Record<string, string> = { inpatient: 'orange.7', community: 'teal.7', other: 'gray.6' };

/** The label of a prevalence row: a conflict or a finding from the catalog. */
function useRowLabel() {
  const localized = useLocalized();
  return (row: string): string => {
    if (row in catalog.conflicts)
      return localized(catalog.conflicts[row as keyof typeof catalog.conflicts].label);
    if (row in catalog.findings)
      return localized(catalog.findings[row as keyof typeof catalog.findings].label);
    return row;
  };
}

export function PrevalenceTable({ table }: { table: SuppressedTable }) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  const cell = (value: number | null, reason: string | null) =>
    value === null ? (
      <Text span size="sm" c="dimmed" title={t(`team.reason.${reason ?? 'small'}`)}>
        {t('team.hidden', { k: table.k })}
      </Text>
    ) : (
      value
    );
  // The chart shows the two conflicts only; findings stay in the table.
  const chartData = table.rows.flatMap((row, r) =>
    row in catalog.conflicts
      ? [
          {
            row: rowLabel(row),
            ...Object.fromEntries(table.columns.map((c, ci) => [c, table.cells[r]?.[ci] ?? 0])),
          },
        ]
      : [],
  );
  return (
    <Paper withBorder p="md" data-testid="prevalence">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('team.prevalence')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('team.prevalenceHint', { k: table.k })}
        </Text>
        <ScrollTable minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team.row')}</Table.Th>
                {table.columns.map((c) => (
                  <Table.Th key={c}>{t(`setting.${c}`, { defaultValue: c })}</Table.Th>
                ))}
                <Table.Th>{t('team.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, r) => (
                <Table.Tr key={row}>
                  <Table.Td>{rowLabel(row)}</Table.Td>
                  {table.columns.map((c, ci) => (
                    <Table.Td key={c}>
                      {cell(table.cells[r]?.[ci] ?? null, table.cellReasons[r]?.[ci] ?? null)}
                    </Table.Td>
                  ))}
                  <Table.Td>{cell(table.rowTotals[r] ?? null, table.rowTotalReasons[r] ?? null)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {/* Hidden cells would draw as zero bars, so the chart appears only when some count can be shown. */}
        {chartData.some((d) => table.columns.some((c) => Number(d[c as keyof typeof d] ?? 0) > 0)) ? (
          <div role="img" aria-label={t('team.chartAlt')}>
            <BarChart
              h={200}
              data={chartData}
              dataKey="row"
              withLegend
              barChartProps={{ accessibilityLayer: false }}
              series={table.columns.map((c) => ({
                name: c,
                label: t(`setting.${c}`, { defaultValue: c }),
                color: settingColors[c] ?? 'gray.6',
              }))}
            />
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}
