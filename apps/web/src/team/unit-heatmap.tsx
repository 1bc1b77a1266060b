/**
 * Units × what may be shown about them: the unit conditions in full (yes, no, not recorded),
 * participation in supervision, and each published count shaded by its share of the unit, with
 * hidden counts marked as hidden, never as zero.
 */
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { catalog, type IndicatorId } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../api/trpc';
import { useLocalized } from '../i18n/localized';
import { ScrollTable } from '../ui/scroll-table';
import { HiddenCount } from './hidden-count';
import { useRowLabel } from './prevalence-table';

type Overview = RouterOutputs['team']['overview'];

function shade(count: number, size: number): string {
  const share = size === 0 ? 0 : count / size;
  return `color-mix(in srgb, var(--mantine-color-blue-6) ${Math.round(share * 60)}%, transparent)`;
}

export function UnitHeatmap({ view, k }: { view: Overview; k: number }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const rowLabel = useRowLabel();
  const condition = (value: boolean | null | undefined) =>
    value === true ? t('team.yes') : value === false ? t('team.no') : '–';
  return (
    <Paper withBorder p="md" data-testid="unit-heatmap">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('team.heatmap')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('team.heatmapHint', { k })}
        </Text>
        <ScrollTable minWidth={900}>
          <Table withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team.unit')}</Table.Th>
                <Table.Th>{t('team.supervised')}</Table.Th>
                {view.conditionIds.map((id) => (
                  <Table.Th key={id}>{localized(catalog.indicators[id as IndicatorId].label)}</Table.Th>
                ))}
                {view.prevalence.rows.map((row) => (
                  <Table.Th key={row}>{rowLabel(row)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Th scope="row">
                    {u.name} ({u.workerCount})
                  </Table.Th>
                  <Table.Td>
                    {u.supervised} / {u.workerCount}
                  </Table.Td>
                  {view.conditionIds.map((id) => (
                    <Table.Td key={id}>{condition(u.conditions[id])}</Table.Td>
                  ))}
                  {view.prevalence.rows.map((row) => {
                    const count = u.counts[row];
                    return count === null ? (
                      <Table.Td
                        key={row}
                        data-hidden="true"
                        style={{
                          background:
                            'repeating-linear-gradient(45deg, transparent 0 6px, var(--mantine-color-gray-2) 6px 12px)',
                        }}
                      >
                        <HiddenCount size={u.workerCount} k={k} />
                      </Table.Td>
                    ) : (
                      <Table.Td key={row} style={{ background: shade(count, u.workerCount) }}>
                        {count} / {u.workerCount}
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
