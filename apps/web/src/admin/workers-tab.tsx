/** PSW records (name, unit, start, status) and who supervises whom; no supervision data is shown here. */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useMe } from '../auth/use-me';
import { useFormat } from '../i18n/format';
import { MutationError } from '../ui/mutation-error';
import { ScrollTable } from '../ui/scroll-table';
import { EmptyState, ErrorState, LoadingState } from '../ui/state-views';
import { useRequestIds } from '../ui/use-request-ids';
import { InvitePeerWorkerForm } from './invite-peer-worker-form';
import { RecordReadsDialog } from './record-reads-dialog';
import { SelfAssignmentDialog } from './self-assignment-dialog';

type Status = 'active' | 'on_leave' | 'left';
const statuses: readonly Status[] = ['active', 'on_leave', 'left'];

export function WorkersTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const workers = useQuery(trpc.admin.workers.queryOptions());
  const units = useQuery(trpc.admin.units.queryOptions());
  const users = useQuery(trpc.admin.users.queryOptions({ limit: 200 }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.workers.queryKey() });
  const update = useMutation(trpc.admin.updateWorker.mutationOptions({ onSuccess: invalidate }));
  const assign = useMutation(trpc.admin.assignSupervisor.mutationOptions({ onSuccess: invalidate }));
  const unassign = useMutation(trpc.admin.unassignSupervisor.mutationOptions({ onSuccess: invalidate }));
  const create = useMutation(trpc.admin.createWorker.mutationOptions({ onSuccess: invalidate }));
  const requestIds = useRequestIds();
  const [draft, setDraft] = useState({ displayName: '', unitId: '', startedOn: '' });
  const me = useMe();
  const myId = me.data?.user.id;
  // An admin assigning themselves gives a reason first (issue 8.5).
  const [selfAssign, setSelfAssign] = useState<{ workerId: string; workerName: string } | null>(null);
  const [seenBy, setSeenBy] = useState<{ id: string; name: string } | null>(null);

  if (workers.isPending || units.isPending || users.isPending) return <LoadingState />;
  const failed = workers.error ?? units.error ?? users.error;
  if (failed || !workers.data || !units.data || !users.data) {
    return <ErrorState error={failed} onRetry={() => void workers.refetch()} />;
  }
  const supervisors = users.data.items.filter((u) => u.status === 'active' && u.roles.includes('supervisor'));
  const nameOfUser = new Map(users.data.items.map((u) => [u.id, u.name]));
  const assignMe = (workerId: string, reason: string) => {
    if (!myId) return;
    const key = `assign:${workerId}:${myId}`;
    assign.mutate(
      { requestId: requestIds.idFor(key), workerId, supervisorUserId: myId, selfAssignmentReason: reason },
      {
        onSuccess: () => {
          requestIds.renew(key);
          setSelfAssign(null);
        },
      },
    );
  };
  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        requestId: requestIds.idFor(),
        displayName: draft.displayName,
        unitId: draft.unitId || (units.data[0]?.id ?? ''),
        startedOn: draft.startedOn,
      },
      {
        onSuccess: () => {
          requestIds.renew();
          setDraft({ displayName: '', unitId: '', startedOn: '' });
        },
      },
    );
  };

  return (
    <Stack gap="md">
      {workers.data.length === 0 ? (
        <EmptyState title={t('admin.workers.empty')} />
      ) : (
        <ScrollTable minWidth={900}>
          <Table striped data-testid="workers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.workers.name')}</Table.Th>
                <Table.Th>{t('admin.workers.unit')}</Table.Th>
                <Table.Th>{t('admin.workers.startedOn')}</Table.Th>
                <Table.Th>{t('admin.workers.status')}</Table.Th>
                <Table.Th>{t('admin.workers.supervisors')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {workers.data.map((w) => {
                const free = supervisors.filter((s) => !w.supervisors.some((a) => a.userId === s.id));
                return (
                  <Table.Tr key={w.id}>
                    <Table.Td>
                      {w.displayName}{' '}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setSeenBy({ id: w.id, name: w.displayName })}
                        aria-label={t('admin.audit.seenByTitle', { name: w.displayName })}
                      >
                        {t('admin.audit.seenBy')}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={t('admin.workers.unitOf', { name: w.displayName })}
                        value={w.unit.id}
                        onChange={(e) => update.mutate({ workerId: w.id, unitId: e.currentTarget.value })}
                        data={units.data.map((u) => ({ value: u.id, label: u.name }))}
                      />
                    </Table.Td>
                    <Table.Td>{fmt.date(w.startedOn)}</Table.Td>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={t('admin.workers.statusOf', { name: w.displayName })}
                        value={w.status}
                        onChange={(e) =>
                          update.mutate({ workerId: w.id, status: e.currentTarget.value as Status })
                        }
                        data={statuses.map((s) => ({ value: s, label: t(`admin.workers.statuses.${s}`) }))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="wrap">
                        {w.supervisors.map((s) => (
                          <Badge
                            key={s.userId}
                            variant="light"
                            color="indigo"
                            c="indigo.9"
                            rightSection={
                              <ActionIcon
                                size="xs"
                                variant="transparent"
                                color="indigo.9"
                                aria-label={t('admin.workers.unassign', { name: s.name })}
                                onClick={() =>
                                  unassign.mutate({ workerId: w.id, supervisorUserId: s.userId })
                                }
                              >
                                ×
                              </ActionIcon>
                            }
                          >
                            {s.name}
                          </Badge>
                        ))}
                        {free.length > 0 ? (
                          <NativeSelect
                            size="xs"
                            aria-label={t('admin.workers.assignTo', { name: w.displayName })}
                            value=""
                            onChange={(e) => {
                              const supervisorUserId = e.currentTarget.value;
                              const key = `assign:${w.id}:${supervisorUserId}`;
                              if (supervisorUserId && supervisorUserId === myId)
                                setSelfAssign({ workerId: w.id, workerName: w.displayName });
                              else if (supervisorUserId)
                                assign.mutate(
                                  { requestId: requestIds.idFor(key), workerId: w.id, supervisorUserId },
                                  { onSuccess: () => requestIds.renew(key) },
                                );
                            }}
                            data={[
                              { value: '', label: t('admin.workers.assign') },
                              ...free.map((s) => ({ value: s.id, label: s.name })),
                            ]}
                          />
                        ) : null}
                      </Group>
                      {w.supervisors
                        .filter((s) => s.selfAssignmentReason !== null)
                        .map((s) => (
                          <Text key={s.userId} size="xs" c="dimmed" mt={4} data-testid="self-assignment-note">
                            {t('admin.workers.selfAssigned', {
                              name: nameOfUser.get(s.assignedBy ?? '') ?? s.name,
                              reason: s.selfAssignmentReason,
                            })}
                          </Text>
                        ))}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <MutationError error={update.error ?? assign.error ?? unassign.error} />
      <RecordReadsDialog worker={seenBy} onClose={() => setSeenBy(null)} />
      <SelfAssignmentDialog
        key={selfAssign?.workerId ?? 'none'}
        workerName={selfAssign?.workerName ?? ''}
        opened={selfAssign !== null}
        busy={assign.isPending}
        onConfirm={(reason) => selfAssign && assignMe(selfAssign.workerId, reason)}
        onCancel={() => setSelfAssign(null)}
      />
      <InvitePeerWorkerForm workers={workers.data} />
      <Paper withBorder p="md" maw={760}>
        <form onSubmit={onCreate}>
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t('admin.workers.create')}
            </Title>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('admin.workers.name')}
                value={draft.displayName}
                onChange={(e) => {
                  const displayName = e.currentTarget.value;
                  setDraft((d) => ({ ...d, displayName }));
                }}
                required
              />
              <NativeSelect
                label={t('admin.workers.unit')}
                value={draft.unitId || (units.data[0]?.id ?? '')}
                onChange={(e) => {
                  const unitId = e.currentTarget.value;
                  setDraft((d) => ({ ...d, unitId }));
                }}
                data={units.data.map((u) => ({ value: u.id, label: u.name }))}
              />
              <TextInput
                type="date"
                label={t('admin.workers.startedOn')}
                value={draft.startedOn}
                onChange={(e) => {
                  const startedOn = e.currentTarget.value;
                  setDraft((d) => ({ ...d, startedOn }));
                }}
                required
              />
              <Button type="submit" loading={create.isPending}>
                {t('common.add')}
              </Button>
            </Group>
            <MutationError error={create.error} />
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
