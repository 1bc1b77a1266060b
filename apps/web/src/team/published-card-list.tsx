/** Published cards of a team view: a count, "none", or hidden; no card carries any PSW's urgency. */
import { Accordion, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { PublishedCard, PublishedTone } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useActionTitle } from '../actions/action-title';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { CardMarkdown } from '../worker/card-markdown';

// "None" is not a warning and "hidden" is not zero: each tone has its own neutral look.
const toneBorder: Record<PublishedTone, string> = {
  some: '6px solid var(--mantine-color-blue-8)',
  none: '6px solid var(--mantine-color-gray-4)',
  hidden: '6px dashed var(--mantine-color-gray-6)',
};

/**
 * `onAccept`, when given, offers each card that applies or is hidden to be accepted for the team
 * (ADR 0042); a card that applies to no one has nothing to act on.
 */
export function PublishedCardList({
  cards,
  onAccept,
  openActions,
}: {
  cards: readonly PublishedCard[];
  onAccept?: ((card: PublishedCard, title: string) => void) | undefined;
  /** The open team action of a card, by card id: shown with its owner and due date instead of Accept. */
  openActions?: ReadonlyMap<string, { ownerName: string; dueOn: string }> | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const titleOf = useActionTitle();
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
          style={{ borderLeft: toneBorder[card.tone] }}
          data-testid={`published-card-${card.id}`}
          data-tone={card.tone}
        >
          <Stack gap={6}>
            <Group gap="xs">
              <Badge
                color={card.tone === 'some' ? 'blue.8' : 'gray.7'}
                variant={card.tone === 'some' ? 'filled' : 'outline'}
              >
                {t(`team.tone.${card.tone}`)}
              </Badge>
              <Badge color="gray.7" variant="outline">
                {t(`cards.audience.${card.audience}`)}
              </Badge>
            </Group>
            <Text fw={card.tone === 'some' ? 700 : 400}>{localized(card.summary)}</Text>
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
            {openActions?.has(card.id) ? (
              <Text size="sm" data-testid="team-card-action">
                {t('teamActions.openOnCard', {
                  name: openActions.get(card.id)?.ownerName ?? '',
                  date: fmt.date(openActions.get(card.id)?.dueOn ?? ''),
                })}
              </Text>
            ) : onAccept && card.tone !== 'none' ? (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onAccept(card, titleOf({ cardId: card.id, title: null }))}
                  aria-label={t('teamActions.acceptFor', {
                    title: titleOf({ cardId: card.id, title: null }),
                  })}
                >
                  {t('teamActions.accept')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
