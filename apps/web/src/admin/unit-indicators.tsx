/** A unit's unit-level indicators: the latest recorded value of each, and a form to record new ones. */
import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { catalog, type IndicatorId, indicatorIds } from '@peerbridge/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { MutationError } from '../ui/mutation-error';
import { ScrollTable } from '../ui/scroll-table';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useRequestIds } from '../ui/use-request-ids';

const unitIndicators = indicatorIds.filter((id) => catalog.indicators[id].level === 'unit');

export function UnitIndicators({ unitId, unitName }: { unitId: string; unitName: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fmt = useFormat();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const observations = useQuery(trpc.admin.unitIndicatorValues.queryOptions({ unitId }));
  const [answers, setAnswers] = useState<Partial<Record<IndicatorId, boolean>>>({});
  const requestIds = useRequestIds();
  const record = useMutation(
    trpc.admin.recordUnitObservations.mutationOptions({
      onSuccess: async () => {
        requestIds.renew();
        setAnswers({});
        await queryClient.invalidateQueries({
          queryKey: trpc.admin.unitIndicatorValues.queryKey({ unitId }),
        });
      },
    }),
  );

  if (observations.isPending) return <LoadingState />;
  if (observations.isError)
    return <ErrorState error={observations.error} onRetry={() => void observations.refetch()} />;
  const latest = new Map(observations.data.map((o) => [o.indicator, o]));
  const today = new Date().toISOString().slice(0, 10);
  const toSave = Object.entries(answers).filter(
    (e): e is [IndicatorId, boolean] => typeof e[1] === 'boolean',
  );

  return (
    <Paper withBorder p="md" data-testid="unit-indicators">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('admin.units.indicatorsOf', { name: unitName })}
        </Title>
        <ScrollTable minWidth={640}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('observation.indicator')}</Table.Th>
                <Table.Th>{t('admin.units.current')}</Table.Th>
                <Table.Th>{t('admin.units.newValue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {unitIndicators.map((id) => {
                const now = latest.get(id);
                const answer = answers[id];
                return (
                  <Table.Tr key={id}>
                    <Table.Td>
                      <Text size="sm" fw={600} id={`unit-q-${id}`}>
                        {localized(catalog.indicators[id].label)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {localized(catalog.indicators[id].question)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {now
                        ? `${now.value === true || now.value === 1 ? t('value.yes') : t('value.no')} (${fmt.date(now.observedAt)})`
                        : t('level.unknown')}
                    </Table.Td>
                    <Table.Td>
                      <SegmentedControl
                        size="xs"
                        aria-labelledby={`unit-q-${id}`}
                        value={answer === undefined ? 'skip' : String(answer)}
                        onChange={(v) =>
                          setAnswers((a) => ({ ...a, [id]: v === 'skip' ? undefined : v === 'true' }))
                        }
                        data={[
                          { value: 'skip', label: t('record.skip') },
                          { value: 'true', label: t('value.yes') },
                          { value: 'false', label: t('value.no') },
                        ]}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <MutationError error={record.error} />
        <Group>
          <Button
            disabled={toSave.length === 0}
            loading={record.isPending}
            onClick={() =>
              record.mutate({
                requestId: requestIds.idFor(),
                unitId,
                observations: toSave.map(([indicator, value]) => ({
                  indicator,
                  value,
                  observedAt: today,
                  source: 'supervision' as const,
                })),
              })
            }
          >
            {t('admin.units.saveIndicators', { count: toSave.length })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
