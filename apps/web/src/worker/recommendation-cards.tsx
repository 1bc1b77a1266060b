/** The recommendation cards with Accept (becomes an action item) and Override (a reason is required). */
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { Card, CardIndicator } from '@peerbridge/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { AppDialog } from '../ui/app-dialog';
import { CardMarkdown } from './card-markdown';
import {
  type CardDecision,
  type CardResponseDraft,
  type CardResponseErrors,
  validateCardResponse,
} from './card-response-form';

// Background and text chosen together so each pair meets WCAG AA contrast.
const indicatorColor: Record<CardIndicator, string> = {
  critical: 'red.9',
  warning: 'orange.7',
  info: 'blue.8',
};
const indicatorText: Record<CardIndicator, string> = { critical: 'white', warning: 'black', info: 'white' };

/** An earlier answer to a card, shown instead of the buttons. */
export interface CardAnswer {
  decision: CardDecision;
  reason?: string | null | undefined;
  respondedAt: string;
}

export interface OwnerOption {
  value: string;
  label: string;
}

/** The owner value that gives the action to the PSW's team. */
export const TEAM_OWNER = 'team';

/** The open action an accepted card became: who has it and by when. */
export interface CardAction {
  owner: string;
  dueOn: string | null;
}

interface Props {
  cards: readonly Card[];
  answers: ReadonlyMap<string, CardAnswer>;
  /** By card id: the open action it became. */
  actions: ReadonlyMap<string, CardAction>;
  owners: readonly OwnerOption[];
  defaultOwner: string;
  today: string;
  defaultDueOn: string;
  onRespond: (card: Card, draft: CardResponseDraft) => Promise<void>;
}

function ResponseModal({
  card,
  decision,
  props,
  onClose,
}: {
  card: Card;
  decision: CardDecision;
  props: Props;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [draft, setDraft] = useState<CardResponseDraft>({
    decision,
    reason: '',
    ownerUserId: props.defaultOwner,
    dueOn: props.defaultDueOn,
  });
  const [errors, setErrors] = useState<CardResponseErrors>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateCardResponse(draft, props.today);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailed(null);
    try {
      await props.onRespond(card, draft);
      onClose();
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      opened
      onClose={onClose}
      title={decision === 'accepted' ? t('cards.acceptTitle') : t('cards.overrideTitle')}
      size="lg"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {localized(card.summary)}
          </Text>
          {decision === 'accepted' ? (
            <>
              <NativeSelect
                label={t('cards.owner')}
                data={[...props.owners]}
                value={draft.ownerUserId}
                onChange={(e) => {
                  const ownerUserId = e.currentTarget.value;
                  setDraft((d) => ({ ...d, ownerUserId }));
                }}
                error={errors.ownerUserId ? t(errors.ownerUserId) : undefined}
              />
              <TextInput
                type="date"
                label={t('cards.dueOn')}
                value={draft.dueOn}
                onChange={(e) => {
                  const dueOn = e.currentTarget.value;
                  setDraft((d) => ({ ...d, dueOn }));
                }}
                error={errors.dueOn ? t(errors.dueOn) : undefined}
                required
              />
            </>
          ) : (
            <Textarea
              label={t('cards.reason')}
              description={t('cards.reasonHint')}
              value={draft.reason}
              onChange={(e) => {
                const reason = e.currentTarget.value;
                setDraft((d) => ({ ...d, reason }));
              }}
              error={errors.reason ? t(errors.reason) : undefined}
              autosize
              minRows={3}
              required
              data-autofocus
            />
          )}
          {failed ? (
            <Alert color="red" role="alert" title={t('cards.failed')}>
              {failed}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={decision === 'accepted' ? 'indigo' : 'gray.8'}>
              {decision === 'accepted' ? t('cards.accept') : t('cards.override')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppDialog>
  );
}

export function RecommendationCards(props: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  const [open, setOpen] = useState<{ card: Card; decision: CardDecision } | null>(null);
  return (
    <Stack gap="sm" data-testid="cards">
      <Title order={2} fz="h3">
        {t('cards.title')}
      </Title>
      {props.cards.length === 0 ? <Text c="dimmed">{t('cards.none')}</Text> : null}
      {props.cards.map((card) => {
        const answer = props.answers.get(card.id);
        return (
          <Paper
            key={card.id}
            withBorder
            p="md"
            radius="md"
            style={{
              borderLeft: `6px solid var(--mantine-color-${indicatorColor[card.indicator].replace('.', '-')})`,
            }}
            data-testid={`card-${card.id}`}
          >
            <Stack gap={6}>
              <Group gap="xs" wrap="wrap">
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
              </Group>
              <Title order={3} fz="md">
                {localized(card.summary)}
              </Title>
              <CardMarkdown source={localized(card.detail)} />
              <Text size="xs" c="dimmed" title={card.source.reference}>
                {t('cards.source')}: {card.source.label}
              </Text>
              {answer ? (
                <Text
                  size="sm"
                  fw={600}
                  data-testid="card-answer"
                  c={answer.decision === 'accepted' ? 'teal.9' : 'gray.8'}
                >
                  {answer.decision === 'accepted'
                    ? t('cards.acceptedOn', { date: fmt.dateTime(answer.respondedAt) })
                    : t('cards.overriddenOn', {
                        date: fmt.dateTime(answer.respondedAt),
                        reason: answer.reason ?? '',
                      })}
                </Text>
              ) : null}
              {answer?.decision === 'accepted' && props.actions.get(card.id) ? (
                <Text size="sm" data-testid="card-action">
                  {t('cards.acceptedAction', {
                    owner: props.actions.get(card.id)?.owner,
                    date: fmt.date(props.actions.get(card.id)?.dueOn ?? ''),
                  })}
                </Text>
              ) : null}
              {answer ? null : (
                <Group gap="xs">
                  <Button size="xs" onClick={() => setOpen({ card, decision: 'accepted' })}>
                    {t('cards.accept')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setOpen({ card, decision: 'overridden' })}
                  >
                    {t('cards.override')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        );
      })}
      {open ? (
        <ResponseModal
          card={open.card}
          decision={open.decision}
          props={props}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </Stack>
  );
}
