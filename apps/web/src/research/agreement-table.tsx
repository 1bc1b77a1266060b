/** Inter-coder agreement per code: percent agreement and Cohen's kappa (two coders), Krippendorff's alpha (any number). */
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ScrollTable } from '../ui/scroll-table';

export interface CodeAgreementRow {
  codeId: string;
  coders: string[];
  pairableUnits: number;
  percentAgreement: number | null;
  cohenKappa: number | null;
  krippendorffAlpha: number | null;
}

export function AgreementTable({
  codes,
  codeNames,
  coders,
}: {
  codes: readonly CodeAgreementRow[];
  codeNames: Record<string, string>;
  coders: readonly string[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const num = (v: number | null) => (v === null ? '—' : fmt.number(v, 3));
  return (
    <Paper withBorder p="md" data-testid="agreement">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('research.agreement')}
        </Title>
        {coders.length < 2 ? (
          <Text c="dimmed" size="sm">
            {t('research.oneCoder')}
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('research.coders', { names: coders.join(', ') })}
            </Text>
            <ScrollTable minWidth={640}>
              <Table striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('research.code')}</Table.Th>
                    <Table.Th>{t('research.units')}</Table.Th>
                    <Table.Th>{t('research.percentAgreement')}</Table.Th>
                    <Table.Th>{t('research.kappa')}</Table.Th>
                    <Table.Th>{t('research.alpha')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {codes.map((c) => (
                    <Table.Tr key={c.codeId}>
                      <Table.Td>{codeNames[c.codeId] ?? c.codeId}</Table.Td>
                      <Table.Td>{fmt.number(c.pairableUnits)}</Table.Td>
                      <Table.Td>
                        {c.percentAgreement === null ? '—' : fmt.percent(c.percentAgreement)}
                      </Table.Td>
                      <Table.Td>{num(c.cohenKappa)}</Table.Td>
                      <Table.Td>{num(c.krippendorffAlpha)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </>
        )}
      </Stack>
    </Paper>
  );
}
