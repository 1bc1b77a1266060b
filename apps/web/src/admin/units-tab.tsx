/** Units (wards, services): list, create, rename or change setting, and record their unit-level indicators. */
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { MutationError } from '../ui/mutation-error';
import { ScrollTable } from '../ui/scroll-table';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useRequestIds } from '../ui/use-request-ids';
import { UnitIndicators } from './unit-indicators';

type Setting = 'inpatient' | 'community' | 'other';
const settings: readonly Setting[] = ['inpatient', 'community', 'other'];

export function UnitsTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const units = useQuery(trpc.admin.units.queryOptions());
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [setting, setSetting] = useState<Setting>('community');
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.units.queryKey() });
  const create = useMutation(trpc.admin.createUnit.mutationOptions({ onSuccess: invalidate }));
  const requestIds = useRequestIds();
  const update = useMutation(trpc.admin.updateUnit.mutationOptions({ onSuccess: invalidate }));

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { requestId: requestIds.idFor(), name, setting },
      {
        onSuccess: () => {
          requestIds.renew();
          setName('');
        },
      },
    );
  };

  if (units.isPending) return <LoadingState />;
  if (units.isError) return <ErrorState error={units.error} onRetry={() => void units.refetch()} />;
  const current = units.data.find((u) => u.id === selected);
  return (
    <Stack gap="md">
      {units.data.length === 0 ? (
        <EmptyState title={t('admin.units.empty')} />
      ) : (
        <ScrollTable minWidth={560}>
          <Table striped data-testid="units-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.units.name')}</Table.Th>
                <Table.Th>{t('admin.units.setting')}</Table.Th>
                <Table.Th>{t('admin.units.workers')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('admin.units.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.data.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('admin.units.settingOf', { name: u.name })}
                      size="xs"
                      value={u.setting}
                      onChange={(e) =>
                        update.mutate({ unitId: u.id, setting: e.currentTarget.value as Setting })
                      }
                      data={settings.map((s) => ({ value: s, label: t(`setting.${s}`) }))}
                      w={150}
                    />
                  </Table.Td>
                  <Table.Td>{u.workerCount}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant={selected === u.id ? 'filled' : 'light'}
                      onClick={() => setSelected(selected === u.id ? null : u.id)}
                      aria-pressed={selected === u.id}
                      aria-label={t('admin.units.indicatorsOf', { name: u.name })}
                    >
                      {t('admin.units.indicators')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <MutationError error={update.error} />
      {current ? <UnitIndicators unitId={current.id} unitName={current.name} /> : null}
      <Paper withBorder p="md" maw={640}>
        <form onSubmit={onCreate}>
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t('admin.units.create')}
            </Title>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('admin.units.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                required
              />
              <NativeSelect
                label={t('admin.units.setting')}
                value={setting}
                onChange={(e) => setSetting(e.currentTarget.value as Setting)}
                data={settings.map((s) => ({ value: s, label: t(`setting.${s}`) }))}
              />
              <Button type="submit" loading={create.isPending}>
                {t('common.add')}
              </Button>
            </Group>
            <MutationError error={create.error} />
            {create.isSuccess ? (
              <Text size="sm" c="teal.9" role="status">
                {t('common.saved')}
              </Text>
            ) : null}
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
