/** Merged cards of a team or organisation view: "3 of 5 PSWs on Ward B …", small private counts suppressed. */
import { Accordion, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { CardIndicator, MergedCard } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../i18n/localized';
import { CardMarkdown } from '../worker/card-markdown';

// Background and text chosen together so each pair meets WCAG AA contrast.
const indicatorColor: Record<CardIndicator, string> = {
  critical: 'red.9',
  warning: 'orange.7',
  info: 'blue.8',
};
const indicatorText: Record<CardIndicator, string> = { critical: 'white', warning: 'black', info: 'white' };

export function MergedCardList({ cards }: { cards: readonly MergedCard[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (cards.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('team.noCards')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {cards.map((card) => (
        <Paper
          key={card.id}
          withBorder
          p="sm"
          radius="md"
          style={{
            borderLeft: `6px solid var(--mantine-color-${indicatorColor[card.indicator].replace('.', '-')})`,
          }}
          data-testid={`merged-card-${card.id}`}
        >
          <Stack gap={6}>
            <Group gap="xs">
              <Badge
                color={indicatorColor[card.indicator]}
                c={indicatorText[card.indicator]}
                variant="filled"
              >
                {t(`cards.indicator.${card.indicator}`)}
              </Badge>
              <Badge color="gray.7" variant="outline">
                {t(`cards.audience.${card.audience}`)}
              </Badge>
              {card.suppressed ? (
                <Badge color="gray" c="gray.9" variant="light">
                  {t('team.suppressed')}
                </Badge>
              ) : null}
            </Group>
            <Text fw={700}>{localized(card.summary)}</Text>
            {/* The advice itself is the same for every PSW; folded so the counts can be scanned. */}
            <Accordion variant="default" chevronPosition="left">
              <Accordion.Item value="detail" style={{ borderBottom: 0 }}>
                <Accordion.Control px={0} py={0}>
                  <Text size="sm">{t('team.whatToDo')}</Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <CardMarkdown source={localized(card.detail)} />
                  <Text size="xs" c="dimmed" title={card.source.reference}>
                    {t('cards.source')}: {card.source.label}
                  </Text>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
