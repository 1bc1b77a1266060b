/** How common each conflict and finding is, by setting, exactly as published: a count or "hidden". */
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { catalog } from '@peerbridge/domain';
import type { RouterOutputs } from '../api/trpc';

type PrevalenceBySetting = RouterOutputs['team']['overview']['prevalence'];

import { useTranslation } from 'react-i18next';
import { useLocalized } from '../i18n/localized';
import { ScrollTable } from '../ui/scroll-table';
import { HiddenCount } from './hidden-count';

/** The label of a prevalence row: a conflict or a finding from the catalog. */
export function useRowLabel() {
  const localized = useLocalized();
  return (row: string): string => {
    if (row in catalog.conflicts)
      return localized(catalog.conflicts[row as keyof typeof catalog.conflicts].label);
    if (row in catalog.findings)
      return localized(catalog.findings[row as keyof typeof catalog.findings].label);
    return row;
  };
}

export function PrevalenceTable({ table, k }: { table: PrevalenceBySetting; k: number }) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  const cell = (value: number | null, size: number) =>
    value === null ? <HiddenCount size={size} k={k} /> : `${value} / ${size}`;
  return (
    <Paper withBorder p="md" data-testid="prevalence">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('team.prevalence')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('team.prevalenceHint', { k })}
        </Text>
        <ScrollTable minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team.row')}</Table.Th>
                {table.columns.map((c) => (
                  <Table.Th key={c.setting}>
                    {t(`setting.${c.setting}`, { defaultValue: c.setting })}
                  </Table.Th>
                ))}
                <Table.Th>{t('team.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, r) => (
                <Table.Tr key={row}>
                  <Table.Td>{rowLabel(row)}</Table.Td>
                  {table.columns.map((c, ci) => (
                    <Table.Td key={c.setting}>{cell(table.cells[r]?.[ci] ?? null, c.size)}</Table.Td>
                  ))}
                  <Table.Td>{cell(table.totals[r] ?? null, table.totalSize)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
    </Paper>
  );
}
