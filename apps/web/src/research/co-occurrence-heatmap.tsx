/** Code co-occurrence as a heatmap: one cell per pair of codes, shaded by ATLAS.ti's c-coefficient. */
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ScrollTable } from '../ui/scroll-table';

export interface CoOccurrencePair {
  codeA: string;
  codeB: string;
  n12: number;
  c: number;
}

/** The codes that co-occur with anything, and a lookup of each unordered pair. */
export function heatmapModel(rows: readonly CoOccurrencePair[]) {
  const codes = [...new Set(rows.flatMap((r) => [r.codeA, r.codeB]))].sort();
  const cells = new Map<string, CoOccurrencePair>();
  for (const r of rows) {
    cells.set(`${r.codeA}\u0000${r.codeB}`, r);
    cells.set(`${r.codeB}\u0000${r.codeA}`, r);
  }
  return { codes, cell: (a: string, b: string) => cells.get(`${a}\u0000${b}`) };
}

/** Background for a c-coefficient: white at 0 to deep indigo at 1; text switches to white when dark. */
function shade(c: number): { background: string; color: string } {
  const lightness = 97 - Math.round(c * 62);
  return { background: `hsl(230 60% ${lightness}%)`, color: lightness < 60 ? '#fff' : '#1a1b1e' };
}

export function CoOccurrenceHeatmap({
  rows,
  codeNames,
}: {
  rows: readonly CoOccurrencePair[];
  codeNames: Record<string, string>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { codes, cell } = heatmapModel(rows);
  const name = (id: string) => codeNames[id] ?? id;
  return (
    <Paper withBorder p="md" data-testid="co-occurrence">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('research.coOccurrence')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('research.coOccurrenceHint')}
        </Text>
        {codes.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('research.noCoOccurrence')}
          </Text>
        ) : (
          <ScrollTable minWidth={Math.max(480, 140 + codes.length * 64)}>
            <Table withTableBorder withColumnBorders fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('research.code')}</Table.Th>
                  {codes.map((c) => (
                    <Table.Th key={c} style={{ maxWidth: 90 }}>
                      {name(c)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {codes.map((a) => (
                  <Table.Tr key={a}>
                    <Table.Th scope="row">{name(a)}</Table.Th>
                    {codes.map((b) => {
                      const pair = a === b ? undefined : cell(a, b);
                      const style = pair ? shade(pair.c) : {};
                      return (
                        <Table.Td
                          key={b}
                          style={{ ...style, textAlign: 'center' }}
                          title={
                            pair
                              ? t('research.pairTitle', {
                                  a: name(a),
                                  b: name(b),
                                  n: pair.n12,
                                  c: fmt.number(pair.c),
                                })
                              : undefined
                          }
                        >
                          {a === b ? '—' : pair ? fmt.number(pair.c) : ''}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Paper>
  );
}
