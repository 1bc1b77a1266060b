/** Each conflict's severity month by month, so a supervisor sees whether things are moving. */
import { LineChart } from '@mantine/charts';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ConflictId, catalog, conflictIds } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { ChartWithTable } from '../ui/chart-with-table';

/** One point: the assessment at a month's end, severity per conflict in [0, 1] or null when unknown. */
export interface SeverityPoint {
  asOf: string;
  severity: { readonly [K in ConflictId]: number | null };
}

const colors: Record<ConflictId, string> = {
  friend_vs_professional: 'indigo.7',
  staff_member_vs_expert_by_experience: 'orange.8',
};

export function SeverityHistoryChart({ points }: { points: readonly SeverityPoint[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const data = points.map((p) => ({
    month: fmt.month(p.asOf),
    ...Object.fromEntries(
      conflictIds.map((c) => [c, p.severity[c] === null ? null : Math.round((p.severity[c] ?? 0) * 100)]),
    ),
  }));
  return (
    <Paper withBorder p="md" radius="md" data-testid="severity-history">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('worker.severityHistory')}
        </Title>
        {points.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('worker.noHistory')}
          </Text>
        ) : (
          <ChartWithTable
            chart={
              <LineChart
                h={220}
                data={data}
                dataKey="month"
                unit="%"
                yAxisProps={{ domain: [0, 100] }}
                withLegend
                connectNulls={false}
                lineChartProps={{ accessibilityLayer: false }}
                series={conflictIds.map((c) => ({
                  name: c,
                  label: localized(catalog.conflicts[c].label),
                  color: colors[c],
                }))}
              />
            }
            table={
              <Table fz="sm" verticalSpacing={4} data-testid="severity-table">
                <Table.Caption>{t('worker.severityHistory')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('a11y.chart.month')}</Table.Th>
                    {conflictIds.map((c) => (
                      <Table.Th key={c}>{localized(catalog.conflicts[c].label)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {points.map((p) => (
                    <Table.Tr key={p.asOf}>
                      <Table.Th scope="row">{fmt.month(p.asOf)}</Table.Th>
                      {conflictIds.map((c) => {
                        const value = p.severity[c];
                        return (
                          <Table.Td key={c}>
                            {value === null ? t('level.unknown') : fmt.percent(value)}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            }
          />
        )}
      </Stack>
    </Paper>
  );
}
