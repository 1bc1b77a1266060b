/**
 * One check-in question for the PSW: their wording from the catalog, a control by the indicator's kind
 * (a 1–5 scale under the ends of its catalog question), a clear mark on private topics, and "share with my supervisor" / "keep for myself" once answered.
 */
import { Badge, Group, NumberInput, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { checkInTexts, scaleEnds } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../i18n/localized';
import type { CheckInStep, DraftAnswer } from './check-in-model';

export function CheckInStepCard({
  step,
  answer,
  error,
  onChange,
}: {
  step: CheckInStep;
  answer: DraftAnswer;
  error: string | null;
  onChange: (answer: DraftAnswer) => void;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const questionId = `check-in-q-${step.indicator}`;
  const setValue = (value: DraftAnswer['value']) => onChange({ ...answer, value });
  const ends = step.kind === 'likert' ? scaleEnds(step.indicator) : null;
  let control: React.ReactNode;
  if (step.kind === 'event') {
    control = (
      <NumberInput
        aria-labelledby={questionId}
        description={t('checkIn.countHint')}
        value={answer.value === undefined ? '' : Number(answer.value)}
        onChange={(v) => setValue(v === '' ? undefined : Number(v))}
        min={0}
        max={744}
        allowDecimal={false}
        allowNegative={false}
        inputMode="numeric"
        size="md"
        w={160}
        data-testid="check-in-answer"
      />
    );
  } else {
    const data =
      step.kind === 'bool'
        ? [
            { value: 'true', label: t('checkIn.yes') },
            { value: 'false', label: t('checkIn.no') },
          ]
        : ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));
    control = (
      <Stack gap={4}>
        <SegmentedControl
          aria-labelledby={questionId}
          data={data}
          // No segment is chosen while the question is unanswered.
          value={answer.value === undefined ? '' : String(answer.value)}
          onChange={(v) => setValue(step.kind === 'bool' ? v === 'true' : Number(v))}
          size="md"
          fullWidth
          data-testid="check-in-answer"
        />
        {ends === null ? null : (
          // The question's own ends, the same as on the supervisor's form (ADR 0038).
          <Text size="sm" c="dimmed" data-testid="check-in-scale-ends">
            {localized(ends)}
          </Text>
        )}
      </Stack>
    );
  }
  const answered = answer.value !== undefined;
  return (
    <Stack gap="md" data-testid={`check-in-step-${step.indicator}`}>
      {step.private ? (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color="grape" variant="light" data-testid="check-in-private">
            {t('checkIn.privateTopic')}
          </Badge>
          <Text size="sm">{t('checkIn.privateHint')}</Text>
        </Group>
      ) : null}
      <Title order={2} fz="h3" id={questionId}>
        {localized(checkInTexts[step.indicator])}
      </Title>
      {control}
      {answered ? (
        <Radio.Group
          label={t('checkIn.who')}
          value={answer.share === null ? '' : answer.share ? 'share' : 'keep'}
          onChange={(v) => onChange({ ...answer, share: v === 'share' })}
          error={error === 'checkIn.errors.choose' ? t(error) : undefined}
          data-testid="check-in-share"
        >
          <Stack gap="xs" mt={4}>
            <Radio value="share" label={t('checkIn.share')} size="md" />
            <Radio value="keep" label={t('checkIn.keep')} size="md" />
          </Stack>
        </Radio.Group>
      ) : null}
      {error && error !== 'checkIn.errors.choose' ? (
        <Text size="sm" c="red.9" role="alert">
          {t(error)}
        </Text>
      ) : null}
    </Stack>
  );
}
