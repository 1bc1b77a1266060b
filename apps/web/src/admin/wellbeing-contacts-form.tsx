/**
 * The admin's wellbeing contacts (ADR 0039): the EAP or crisis line a check-in shows a peer worker whose
 * own answers show high strain. Edited as one list and saved as a whole; the server names a bad field.
 */
import { Button, Fieldset, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { SaveRow } from '../ui/save-row';
import { ErrorState, LoadingState } from '../ui/state-views';

const MAX_CONTACTS = 5;

interface ContactDraft {
  name: string;
  phone: string;
  url: string;
  hours: string;
}

const blank: ContactDraft = { name: '', phone: '', url: '', hours: '' };

export function WellbeingContactsSection() {
  const trpc = useTRPC();
  const contacts = useQuery(trpc.admin.wellbeingContacts.queryOptions());
  if (contacts.error) return <ErrorState error={contacts.error} onRetry={() => contacts.refetch()} />;
  if (!contacts.data) return <LoadingState />;
  return (
    // Mounted once with the loaded list; a save keeps the form (and its "Saved") as it is.
    <WellbeingContactsForm
      initial={contacts.data.contacts.map((c) => ({
        name: c.name,
        phone: c.phone ?? '',
        url: c.url ?? '',
        hours: c.hours ?? '',
      }))}
    />
  );
}

function WellbeingContactsForm({ initial }: { initial: ContactDraft[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<ContactDraft[]>(initial);
  const save = useMutation(
    trpc.admin.setWellbeingContacts.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.admin.wellbeingContacts.queryKey(), data),
    }),
  );
  const change = (i: number, field: keyof ContactDraft, value: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ contacts: rows });
  };
  return (
    <Paper withBorder p="md" maw={560} component="section" aria-labelledby="wellbeing-title">
      <form onSubmit={onSubmit} data-testid="wellbeing-contacts-form">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="wellbeing-title">
            {t('admin.wellbeing.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.wellbeing.hint')}
          </Text>
          {rows.length === 0 ? <Text size="sm">{t('admin.wellbeing.empty')}</Text> : null}
          {rows.map((row, i) => (
            <Fieldset
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; order is the identity
              key={i}
              legend={t('admin.wellbeing.contact', { n: i + 1 })}
              p="sm"
            >
              <Stack gap="xs">
                <TextInput
                  label={t('admin.wellbeing.name')}
                  value={row.name}
                  onChange={(e) => change(i, 'name', e.currentTarget.value)}
                  required
                />
                <TextInput
                  label={t('admin.wellbeing.phone')}
                  type="tel"
                  value={row.phone}
                  onChange={(e) => change(i, 'phone', e.currentTarget.value)}
                />
                <TextInput
                  label={t('admin.wellbeing.url')}
                  type="url"
                  value={row.url}
                  onChange={(e) => change(i, 'url', e.currentTarget.value)}
                />
                <TextInput
                  label={t('admin.wellbeing.hours')}
                  value={row.hours}
                  onChange={(e) => change(i, 'hours', e.currentTarget.value)}
                />
                <Group>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => setRows(rows.filter((_, j) => j !== i))}
                  >
                    {t('admin.wellbeing.remove', { n: i + 1 })}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => setRows([...rows, blank])}
              disabled={rows.length >= MAX_CONTACTS}
            >
              {t('admin.wellbeing.add')}
            </Button>
          </Group>
          <SaveRow mutation={save} />
        </Stack>
      </form>
    </Paper>
  );
}
