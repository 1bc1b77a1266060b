/** The audit screen's filters (person, PSW, actions, from and to date) and the CSV link for them. */
import { Anchor, Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { enAuditActions } from '../i18n/en-audit';
import { keysOf } from '../i18n/messages';
import { type AuditSearch, actionsOf, auditCsvHref } from './audit-search';

/** Every action code the portal has a label for (the code base's written codes, tested). */
export const AUDIT_ACTION_CODES = keysOf(enAuditActions);

export interface AuditFiltersBarProps {
  search: AuditSearch;
  onChange: (next: AuditSearch) => void;
  people: ReadonlyArray<{ id: string; name: string }>;
  workers: ReadonlyArray<{ id: string; name: string }>;
}

export function AuditFiltersBar({ search, onChange, people, workers }: AuditFiltersBarProps) {
  const { t } = useTranslation();
  const set = (key: keyof AuditSearch, value: string | null) => {
    const next = { ...search };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" aria-label={t('admin.audit.filters')} role="search">
      <Select
        label={t('admin.audit.person')}
        placeholder={t('admin.audit.anyPerson')}
        data={people.map((p) => ({ value: p.id, label: p.name }))}
        value={search.person ?? null}
        onChange={(v) => set('person', v)}
        clearable
        searchable
        w={200}
      />
      <Select
        label={t('admin.audit.psw')}
        placeholder={t('admin.audit.anyPsw')}
        data={workers.map((w) => ({ value: w.id, label: w.name }))}
        value={search.psw ?? null}
        onChange={(v) => set('psw', v)}
        clearable
        searchable
        w={200}
      />
      <MultiSelect
        label={t('admin.audit.actions')}
        placeholder={actionsOf(search).length === 0 ? t('admin.audit.anyAction') : undefined}
        data={AUDIT_ACTION_CODES.map((code) => ({ value: code, label: t(`auditActions.${code}`) }))}
        value={actionsOf(search)}
        onChange={(v) => set('actions', v.join(','))}
        clearable
        searchable
        w={280}
      />
      <TextInput
        type="date"
        label={t('admin.audit.from')}
        value={search.from ?? ''}
        onChange={(e) => set('from', e.currentTarget.value)}
        w={160}
      />
      <TextInput
        type="date"
        label={t('admin.audit.to')}
        value={search.to ?? ''}
        onChange={(e) => set('to', e.currentTarget.value)}
        w={160}
      />
      <Button variant="subtle" onClick={() => onChange({})}>
        {t('admin.audit.clear')}
      </Button>
      {/* A plain link: the browser downloads it with the session cookie (same site), no script needed. */}
      <Anchor href={auditCsvHref(search)} download data-testid="audit-csv-link">
        {t('admin.audit.download')}
      </Anchor>
    </Group>
  );
}
