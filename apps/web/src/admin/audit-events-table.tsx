/** Rows of the audit log: when, who (name and roles as stored), the action's label, the PSW, details. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ScrollTable } from '../ui/scroll-table';
import { AuditDetails } from './audit-details';

export interface AuditTableRow {
  id: string;
  at: string;
  action: string;
  labelKey: string;
  actorName: string | null;
  actorRoles: string[];
  entityType: string;
  workerName: string | null;
  details: Record<string, unknown>;
}

export function AuditEventsTable({ rows }: { rows: ReadonlyArray<AuditTableRow> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ScrollTable minWidth={800}>
      <Table striped fz="sm" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.audit.at')}</Table.Th>
            <Table.Th>{t('admin.audit.who')}</Table.Th>
            <Table.Th>{t('admin.audit.action')}</Table.Th>
            <Table.Th>{t('admin.audit.psw')}</Table.Th>
            <Table.Th>{t('admin.audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.at)}</Table.Td>
              <Table.Td data-testid="audit-actor">
                {/* The name and roles stored with the event, as they were then: a later rename does not rewrite history. */}
                {e.actorName ?? '—'}
                {e.actorRoles.length > 0 ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({e.actorRoles.map((r) => t(`admin.roles.${r}`, { defaultValue: r })).join(', ')})
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td data-testid="audit-action">
                {/* An unknown code (a newer server) shows as the code, never as a blank. */}
                <span title={e.action}>{t(e.labelKey, { defaultValue: e.action })}</span>
              </Table.Td>
              <Table.Td data-testid="audit-psw">{e.workerName ?? ''}</Table.Td>
              <Table.Td>
                <Text
                  size="xs"
                  c="dimmed"
                  lineClamp={2}
                  style={{ overflowWrap: 'anywhere' }}
                  data-testid="audit-details"
                >
                  <AuditDetails details={e.details} />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
