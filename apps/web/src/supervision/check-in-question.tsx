/** One check-in question: the supervisor's question from the catalog and a control by the indicator's kind. */
import { Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { catalog, type IndicatorId } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../i18n/localized';
import type { CheckInAnswer } from './check-in-model';

const SKIP = 'skip';

export function CheckInQuestion({
  indicator,
  value,
  error,
  onChange,
}: {
  indicator: IndicatorId;
  value: CheckInAnswer;
  error?: string | undefined;
  onChange: (value: CheckInAnswer) => void;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const entry = catalog.indicators[indicator];
  const kind = catalog.indicators[indicator].kind;
  const labelId = `q-${indicator}`;
  let control: React.ReactNode;
  if (kind === 'event') {
    control = (
      <NumberInput
        aria-labelledby={labelId}
        placeholder={t('record.skipped')}
        min={0}
        max={999}
        allowDecimal={false}
        allowNegative={false}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(v === '' ? undefined : Number(v))}
        w={160}
        error={error}
        data-testid={`answer-${indicator}`}
      />
    );
  } else {
    const data =
      kind === 'bool'
        ? [
            { value: SKIP, label: t('record.skip') },
            { value: 'true', label: t('value.yes') },
            { value: 'false', label: t('value.no') },
          ]
        : [
            { value: SKIP, label: t('record.skip') },
            ...['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v })),
          ];
    const current = value === undefined ? SKIP : String(value);
    control = (
      <SegmentedControl
        aria-labelledby={labelId}
        data={data}
        value={current}
        onChange={(v) => onChange(v === SKIP ? undefined : kind === 'bool' ? v === 'true' : Number(v))}
        size="xs"
        data-testid={`answer-${indicator}`}
      />
    );
  }
  return (
    <Stack gap={4} py={6} data-testid={`question-${indicator}`}>
      <Text size="sm" fw={600} id={labelId}>
        {localized(entry.question)}
      </Text>
      <Text size="xs" c="dimmed">
        {localized(entry.label)}
        {/* A 1–5 question names its own two ends, in the catalog: no second, general scale here. */}
        {kind === 'event' ? ` · ${t('record.eventHint')}` : ''}
      </Text>
      <Group gap="xs">{control}</Group>
      {error && kind !== 'event' ? (
        <Text size="xs" c="red.9" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
