/** What committing an upload would write: rows per table, offset decisions, warnings (the import's own report). */
import { Alert, List, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ScrollTable } from '../ui/scroll-table';
import type { UploadPreview } from './upload-study-file';

const tables = ['participant', 'document', 'code', 'coded_segment', 'study_observation'] as const;

export function ImportPreview({ preview }: { preview: UploadPreview }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { report } = preview;
  return (
    <>
      {report.status === 'already_imported' ? (
        <Alert color="yellow" variant="light" data-testid="already-imported">
          {t('research.import.alreadyImported', { date: fmt.dateTime(report.importedAt ?? '') })}
        </Alert>
      ) : (
        <Text size="sm">
          {report.study.created ? t('research.import.newStudy') : t('research.import.existingStudy')}
        </Text>
      )}
      <ScrollTable minWidth={420}>
        <Table striped fz="sm" data-testid="preview-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('research.import.table')}</Table.Th>
              <Table.Th>{t('research.import.rows')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tables.map((table) => (
              <Table.Tr key={table} data-testid={`count-${table}`}>
                <Table.Td>{t(`research.import.tables.${table}`)}</Table.Td>
                <Table.Td>{fmt.number(report.counts[table])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {report.offsetDecisions.length > 0 && (
        <>
          <Title order={3} fz="h4">
            {t('research.import.offsets')}
          </Title>
          <List size="sm" data-testid="offset-decisions">
            {report.offsetDecisions.map((d) => (
              <List.Item key={d.document}>
                {d.document}: {d.convention ?? t('research.import.noConvention')} ({d.reason})
                {d.ambiguous ? ` · ${t('research.import.ambiguous')}` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Title order={3} fz="h4">
        {t('research.import.warnings')}
      </Title>
      {report.warnings.length === 0 ? (
        <Text size="sm">{t('research.import.noWarnings')}</Text>
      ) : (
        <List size="sm" data-testid="import-warnings">
          {report.warnings.map((w, i) => (
            // Warnings may repeat word for word (one per document); their place keeps them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is the report's, never reordered
            <List.Item key={i}>{w}</List.Item>
          ))}
        </List>
      )}
    </>
  );
}
