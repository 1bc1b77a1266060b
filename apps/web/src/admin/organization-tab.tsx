/** The organisation's settings: name, supervision cadence, small-cell k, default language; wellbeing contacts; the burnout questionnaire. */
import { NativeSelect, NumberInput, Paper, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useMe } from '../auth/use-me';
import { SaveRow } from '../ui/save-row';
import { LoadingState } from '../ui/state-views';
import { BurnoutItemsSection } from './burnout-items-form';
import { WellbeingContactsSection } from './wellbeing-contacts-form';

export function OrganizationTab() {
  const me = useMe();
  if (!me.data) return <LoadingState />;
  const org = me.data.organization;
  return (
    <Stack gap="lg">
      <OrganizationForm
        key={`${org.id}-${org.name}-${org.supervisionCadenceDays}-${org.smallCellK}-${org.defaultLanguage}`}
        org={org}
      />
      <WellbeingContactsSection />
      <BurnoutItemsSection />
    </Stack>
  );
}

function OrganizationForm({
  org,
}: {
  org: { name: string; supervisionCadenceDays: number; smallCellK: number; defaultLanguage: 'en' | 'cs' };
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(org.name);
  const [cadence, setCadence] = useState<number | string>(org.supervisionCadenceDays);
  const [k, setK] = useState<number | string>(org.smallCellK);
  const [language, setLanguage] = useState(org.defaultLanguage);
  const update = useMutation(
    trpc.admin.updateOrganization.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() }),
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      name,
      supervisionCadenceDays: Number(cadence),
      smallCellK: Number(k),
      defaultLanguage: language,
    });
  };
  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <TextInput
            label={t('admin.org.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <NumberInput
            label={t('admin.org.cadence')}
            description={t('admin.org.cadenceHint')}
            value={cadence}
            onChange={setCadence}
            min={7}
            max={180}
            allowDecimal={false}
          />
          <NumberInput
            label={t('admin.org.k')}
            description={t('admin.org.kHint')}
            value={k}
            onChange={setK}
            min={3}
            max={10}
            allowDecimal={false}
          />
          <NativeSelect
            label={t('admin.org.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value === 'cs' ? 'cs' : 'en')}
            data={[
              { value: 'en', label: 'English' },
              { value: 'cs', label: 'Čeština' },
            ]}
          />
          <SaveRow mutation={update} />
        </Stack>
      </form>
    </Paper>
  );
}
