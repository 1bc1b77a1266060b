/**
 * How the PSW's own answers moved over their last check-ins (ADR 0040): per question a sparkline, first
 * and latest answer in words, and the same answers as a table. Only their answers, in their words: no
 * score, no level, no label.
 */
import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { type CheckInIndicatorId, getIndicator } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ChartWithTable } from '../ui/chart-with-table';
import { ScrollTable } from '../ui/scroll-table';
import { type OwnTrend, type OwnTrendRow, trendOf } from './own-check-in-trend-model';
import { type OwnCheckInView, useCheckInWords } from './own-check-in-words';
import { OwnSparkline } from './own-sparkline';

export function OwnCheckInTrend({ checkIns }: { checkIns: readonly OwnCheckInView[] }) {
  const { t } = useTranslation();
  const trend = trendOf(checkIns);
  return (
    <Stack gap="sm" component="section" aria-labelledby="own-trend" className="print-section">
      <Title order={2} fz="h3" id="own-trend">
        {t('ownCheckIns.trendTitle')}
      </Title>
      {trend.rows.length === 0 ? (
        <Text size="sm">{t('ownCheckIns.trendEmpty')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('ownCheckIns.trendHint', { count: trend.dates.length })}
          </Text>
          <ChartWithTable chart={<TrendLines trend={trend} />} table={<TrendTable trend={trend} />} />
        </>
      )}
    </Stack>
  );
}

const asNumber = (v: number | boolean | null): number | null =>
  v === null ? null : typeof v === 'boolean' ? Number(v) : v;

/** The whole range of the question's answers: 1..5, no..yes, or 0 up to the most counted. */
function rangeOf(r: OwnTrendRow): { lo: number; hi: number } {
  const kind = getIndicator(r.indicator).kind;
  if (kind === 'likert') return { lo: 1, hi: 5 };
  if (kind === 'bool') return { lo: 0, hi: 1 };
  return { lo: 0, hi: r.values.reduce<number>((most, v) => Math.max(most, asNumber(v) ?? 0), 1) };
}

function TrendLines({ trend }: { trend: OwnTrend }) {
  const { t } = useTranslation();
  const words = useCheckInWords();
  const inWords = (indicator: CheckInIndicatorId, v: number | boolean | null) =>
    v === null ? t('ownCheckIns.notAnswered') : words.answer(indicator, v);
  return (
    <Stack gap="xs" data-testid="own-trend-lines">
      {trend.rows.map((r) => (
        <Group key={r.indicator} gap="sm" wrap="nowrap" align="center">
          <Text size="sm" style={{ flex: 1 }}>
            {words.question(r.indicator)}
          </Text>
          <OwnSparkline values={r.values.map(asNumber)} {...rangeOf(r)} />
          <Text size="sm" w={120} ta="right">
            {r.answered === 1
              ? inWords(r.indicator, r.last)
              : t('ownCheckIns.moved', {
                  first: inWords(r.indicator, r.first),
                  last: inWords(r.indicator, r.last),
                })}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function TrendTable({ trend }: { trend: OwnTrend }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useCheckInWords();
  return (
    <ScrollTable minWidth={240 + trend.dates.length * 80}>
      <Table fz="sm" verticalSpacing={4} data-testid="own-trend-table">
        <Table.Caption>{t('ownCheckIns.trendTitle')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ownCheckIns.question')}</Table.Th>
            {trend.dates.map((d, i) => (
              // Two check-ins may share a day; the column's place keeps them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for the table's life
              <Table.Th key={`${d}-${i}`}>{fmt.date(d)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trend.rows.map((r) => (
            <Table.Tr key={r.indicator}>
              <Table.Th scope="row">{words.question(r.indicator)}</Table.Th>
              {r.values.map((v, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one cell per check-in column
                <Table.Td key={i}>{v === null ? '–' : words.answer(r.indicator, v)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
