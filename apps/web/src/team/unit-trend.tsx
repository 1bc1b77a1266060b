/** The last six published periods per unit: unit conditions met and participation in supervision. */
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { ScrollTable } from '../ui/scroll-table';

type Trend = RouterOutputs['team']['overview']['trend'];

export function UnitTrend({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const units = new Map<string, string>();
  for (const p of trend) for (const u of p.units) units.set(u.unitId, u.name);
  return (
    <Paper withBorder p="md" data-testid="unit-trend">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('team.trend')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('team.trendHint')}
        </Text>
        <ScrollTable minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team.unit')}</Table.Th>
                {trend.map((p) => (
                  <Table.Th key={p.period}>{fmt.month(p.period)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...units].map(([unitId, name]) => (
                <Table.Tr key={unitId}>
                  <Table.Th scope="row">{name}</Table.Th>
                  {trend.map((p) => {
                    const u = p.units.find((x) => x.unitId === unitId);
                    return (
                      <Table.Td key={p.period}>
                        {u === undefined ? (
                          '–'
                        ) : (
                          <Stack gap={0}>
                            <Text size="sm">
                              {t('team.conditionsMet', { met: u.conditionsMet, known: u.conditionsKnown })}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('team.supervisedOf', { count: u.supervised, total: u.workerCount })}
                            </Text>
                          </Stack>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
    </Paper>
  );
}
