/**
 * The mapping editor of an import preview: each code the preview found unmapped, with the indicator the
 * researcher chooses for it (or none). The choices are sent as the mapping's code rules, by code GUID.
 */
import { Select, Table, Text } from '@mantine/core';
import { catalog, type IndicatorId, indicatorIds } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { ScrollTable } from '../ui/scroll-table';

/** Indicators an interview segment can stand for (a unit's indicators are about the workplace, not a person). */
const personIndicators = indicatorIds.filter((id) => catalog.indicators[id].level !== 'unit');

export interface UnmappedCode {
  guid: string;
  name: string;
  segments: number;
}

export function MappingEditor({
  codes,
  rules,
  onChange,
}: {
  codes: ReadonlyArray<UnmappedCode>;
  rules: Readonly<Record<string, IndicatorId>>;
  onChange: (rules: Record<string, IndicatorId>) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const data = personIndicators.map((id) => ({ value: id, label: localized(catalog.indicators[id].label) }));
  if (codes.length === 0) return <Text size="sm">{t('research.import.noUnmapped')}</Text>;
  return (
    <ScrollTable minWidth={640}>
      <Table striped fz="sm" data-testid="mapping-editor">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('research.code')}</Table.Th>
            <Table.Th>{t('research.segments')}</Table.Th>
            <Table.Th>{t('research.import.indicator')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {codes.map((code) => (
            <Table.Tr key={code.guid} data-testid="unmapped-code">
              <Table.Td>{code.name}</Table.Td>
              <Table.Td>{fmt.number(code.segments)}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('research.import.indicatorFor', { code: code.name })}
                  placeholder={t('research.import.noIndicator')}
                  data={data}
                  value={rules[code.guid] ?? null}
                  onChange={(value) => {
                    const next = { ...rules };
                    if (value === null) delete next[code.guid];
                    else next[code.guid] = value as IndicatorId;
                    onChange(next);
                  }}
                  searchable
                  clearable
                  w={360}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
