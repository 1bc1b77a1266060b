/** The role profile on its two axes: client (friend / professional) and team (staff member / expert by experience). */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { catalog, type RoleId, type RoleScore } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';

const axes: ReadonlyArray<{
  axis: 'client' | 'team';
  pair: readonly [RoleId, RoleId];
  colors: readonly [string];
}> = [
  { axis: 'client', pair: ['friend', 'professional'], colors: ['teal.7'] },
  { axis: 'team', pair: ['staff_member', 'expert_by_experience'], colors: ['indigo.6'] },
];

export function RoleProfileChart({ scores }: { scores: { readonly [K in RoleId]: RoleScore } }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  return (
    <Paper withBorder p="md" radius="md" data-testid="role-profile">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('worker.roleProfile')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {axes.map(({ axis, pair, colors }) => {
            const data = pair.map((r) => ({
              role: localized(catalog.roles[r].label),
              enactment: scores[r].enactment === null ? 0 : Math.round(scores[r].enactment * 100),
            }));
            return (
              <Stack key={axis} gap={4}>
                <Text fw={600} size="sm">
                  {t(`axis.${axis}`)}: {localized(catalog.roles[pair[0]].label)} /{' '}
                  {localized(catalog.roles[pair[1]].label)}
                </Text>
                {/* The table below holds the same numbers; the bars are a picture only (no tab stops). */}
                <div aria-hidden inert>
                  <BarChart
                    h={110}
                    data={data}
                    dataKey="role"
                    orientation="vertical"
                    yAxisProps={{ width: 130 }}
                    xAxisProps={{ domain: [0, 100] }}
                    valueFormatter={(value) => `${value}%`}
                    getBarColor={(value) => (value === 0 ? 'gray.4' : colors[0])}
                    withTooltip={false}
                    barChartProps={{ accessibilityLayer: false }}
                    series={[{ name: 'enactment', label: t('worker.enactment'), color: colors[0] }]}
                  />
                </div>
              </Stack>
            );
          })}
        </SimpleGrid>
        <Table fz="sm" withTableBorder={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('worker.role')}</Table.Th>
              <Table.Th>{t('worker.enactment')}</Table.Th>
              <Table.Th>{t('worker.confidence')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {axes
              .flatMap(({ pair }) => pair)
              .map((r) => (
                <Table.Tr key={r}>
                  <Table.Td>{localized(catalog.roles[r].label)}</Table.Td>
                  <Table.Td>
                    {scores[r].enactment === null
                      ? t('level.unknown')
                      : fmt.percent(scores[r].enactment ?? 0)}
                  </Table.Td>
                  <Table.Td>{fmt.percent(scores[r].confidence)}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
