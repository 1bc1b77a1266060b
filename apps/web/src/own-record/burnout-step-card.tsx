/**
 * One scale of the burnout questions (ADR 0041): clearly marked as kept for the PSW alone, the
 * organisation's item texts, each answered in words from "never" to "always" or left out. No score,
 * no label, no share choice.
 */
import { Badge, Button, Group, Radio, Stack, Text, Title } from '@mantine/core';
import type { BurnoutResponse, BurnoutScale } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { burnoutChoices } from './burnout-draft';

export function BurnoutStepCard({
  scale,
  items,
  answers,
  onChange,
}: {
  scale: BurnoutScale;
  /** The organisation's item texts of this scale, in the published order. */
  items: readonly string[];
  answers: readonly (BurnoutResponse | null)[];
  onChange: (index: number, response: BurnoutResponse | null) => void;
}) {
  const { t } = useTranslation();
  const titleId = `check-in-burnout-${scale}`;
  return (
    <Stack gap="md" data-testid={`check-in-burnout-${scale}`} aria-labelledby={titleId} component="section">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge color="grape" variant="light" data-testid="check-in-kept">
          {t('checkIn.burnout.kept')}
        </Badge>
        <Text size="sm">{t('checkIn.burnout.keptHint')}</Text>
      </Group>
      <Stack gap={4}>
        <Title order={2} fz="h3" id={titleId}>
          {t(scale === 'personal' ? 'checkIn.burnout.personalTitle' : 'checkIn.burnout.workTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('checkIn.burnout.leaveOut')}
        </Text>
      </Stack>
      {items.map((text, i) => {
        const answer = answers[i] ?? null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the items' order is their identity (published order)
          <Stack key={i} gap={4}>
            <Radio.Group
              label={text}
              value={answer ?? ''}
              onChange={(v) => onChange(i, burnoutChoices.find((c) => c === v) ?? null)}
              data-testid="check-in-burnout-item"
            >
              <Group gap="sm" mt={6} wrap="wrap">
                {burnoutChoices.map((c) => (
                  <Radio key={c} value={c} label={t(`checkIn.burnout.responses.${c}`)} size="md" />
                ))}
              </Group>
            </Radio.Group>
            {answer !== null ? (
              <Group>
                <Button variant="subtle" size="compact-sm" onClick={() => onChange(i, null)}>
                  {t('checkIn.burnout.clear')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        );
      })}
    </Stack>
  );
}
