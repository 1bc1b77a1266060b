/**
 * The PSW's check-in before supervision (issue 12 item 2, ADR 0039), designed at 390×844 first: one
 * question at a time, each skippable, each answer shared with the supervisor or kept; a review that says
 * how many go where; then thanks, and for answers that show high strain a kind word and the contacts
 * the organisation configured. Never a score or a label. When the organisation enabled the burnout
 * questionnaire, its two scales follow as screens of their own, always kept for the PSW (ADR 0041).
 */
import { Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { BurnoutScale } from '@peerbridge/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { MutationError } from '../ui/mutation-error';
import { AnchorLink } from '../ui/router-links';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { useRequestIds } from '../ui/use-request-ids';
import {
  answeredBurnout,
  type BurnoutDraft,
  burnoutAnswersOf,
  burnoutScaleOrder,
  emptyBurnoutDraft,
  withResponse,
} from './burnout-draft';
import { BurnoutStepCard } from './burnout-step-card';
import {
  answerOf,
  answersOf,
  type CheckInDraft,
  type CheckInStep,
  checkInSteps,
  problemOf,
} from './check-in-model';
import { CheckInStepCard } from './check-in-step-card';
import { CheckInSupport } from './check-in-support';

type Stage = number | 'review';

/** The organisation's burnout item texts per scale, or null while it has not enabled them. */
type BurnoutItems = Record<BurnoutScale, string[]> | null;

/** One screen: a catalog question, or one scale of the burnout questionnaire. */
type PageStep = { kind: 'indicator'; step: CheckInStep } | { kind: 'burnout'; scale: BurnoutScale };

export function CheckInPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useQuery(trpc.ownRecord.checkInForm.queryOptions());
  useDocumentTitle(t('checkIn.title'));
  if (form.isError) return <ErrorState error={form.error} onRetry={() => void form.refetch()} />;
  if (!form.data) return <LoadingState />;
  return <CheckInFlow burnoutItems={form.data.burnoutItems} />;
}

function CheckInFlow({ burnoutItems }: { burnoutItems: BurnoutItems }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const requestIds = useRequestIds();
  const submit = useMutation(trpc.ownRecord.submitCheckIn.mutationOptions());
  const [stage, setStage] = useState<Stage>(0);
  const [draft, setDraft] = useState<CheckInDraft>({});
  const [burnout, setBurnout] = useState<BurnoutDraft>(emptyBurnoutDraft);
  const [error, setError] = useState<string | null>(null);
  const steps = useMemo<PageStep[]>(
    () => [
      ...checkInSteps.map((step) => ({ kind: 'indicator' as const, step })),
      ...(burnoutItems ? burnoutScaleOrder.map((scale) => ({ kind: 'burnout' as const, scale })) : []),
    ],
    [burnoutItems],
  );
  const total = steps.length;
  const questions = checkInSteps.length;

  if (submit.data) return <CheckInSupport result={submit.data} />;

  const answers = answersOf(draft);
  const go = (next: Stage) => {
    setError(null);
    setStage(next);
    window.scrollTo({ top: 0 });
  };
  const after = (i: number): Stage => (i + 1 < total ? i + 1 : 'review');

  let body: React.ReactNode;
  const kept = answeredBurnout(burnout);
  if (stage === 'review') {
    const shared = answers.filter((a) => a.share).length;
    const burnoutAnswers = burnoutAnswersOf(burnout);
    body = (
      <Stack gap="md" data-testid="check-in-review">
        <Title order={2} fz="h3">
          {t('checkIn.reviewTitle')}
        </Title>
        {answers.length === 0 && kept === 0 ? <Text>{t('checkIn.nothing')}</Text> : null}
        {answers.length > 0 ? (
          <Text>
            {t('checkIn.review', {
              answered: answers.length,
              total: questions,
              shared,
              kept: answers.length - shared,
            })}
          </Text>
        ) : null}
        {kept > 0 ? (
          <Text data-testid="check-in-review-kept">{t('checkIn.reviewBurnout', { count: kept })}</Text>
        ) : null}
        <MutationError error={submit.error} />
        <Group justify="space-between">
          <Button variant="default" onClick={() => go(total - 1)}>
            {t('checkIn.back')}
          </Button>
          <Button
            disabled={answers.length === 0 && kept === 0}
            loading={submit.isPending}
            onClick={() =>
              submit.mutate({
                requestId: requestIds.idFor(JSON.stringify({ answers, burnout: burnoutAnswers })),
                answers,
                ...(burnoutAnswers ? { burnout: burnoutAnswers } : {}),
              })
            }
          >
            {t('checkIn.send')}
          </Button>
        </Group>
      </Stack>
    );
  } else {
    const page = steps[stage] ?? steps[0];
    if (!page) return null;
    const step = page.kind === 'indicator' ? page.step : null;
    const answer = step ? answerOf(draft, step.indicator) : null;
    const problemHere = () => (step && answer ? problemOf(step, answer) : null);
    const onNext = () => {
      const problem = problemHere();
      if (problem) setError(problem);
      else go(after(stage));
    };
    const onSkip = () => {
      if (step) {
        const { [step.indicator]: _dropped, ...rest } = draft;
        setDraft(rest);
      }
      go(after(stage));
    };
    body = (
      <Stack gap="lg">
        <Stack gap={4}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('checkIn.progress', { n: stage + 1, total })}
          </Text>
          <Progress value={((stage + 1) / total) * 100} size="sm" aria-hidden />
        </Stack>
        {step && answer ? (
          <CheckInStepCard
            key={step.indicator}
            step={step}
            answer={answer}
            error={error}
            onChange={(a) => {
              setError(null);
              setDraft({ ...draft, [step.indicator]: a });
            }}
          />
        ) : page.kind === 'burnout' && burnoutItems ? (
          <BurnoutStepCard
            key={page.scale}
            scale={page.scale}
            items={burnoutItems[page.scale]}
            answers={burnout[page.scale]}
            onChange={(i, r) => setBurnout(withResponse(burnout, page.scale, i, r))}
          />
        ) : null}
        <Group justify="space-between" wrap="nowrap">
          <Button variant="default" onClick={() => go(stage - 1)} disabled={stage === 0}>
            {t('checkIn.back')}
          </Button>
          <Group gap="xs" wrap="nowrap">
            {step ? (
              <Button variant="subtle" onClick={onSkip} data-testid="check-in-skip">
                {t('checkIn.skip')}
              </Button>
            ) : null}
            <Button onClick={onNext} data-testid="check-in-next">
              {t('checkIn.next')}
            </Button>
          </Group>
        </Group>
        <Group justify="center">
          <Button
            variant="light"
            onClick={() => {
              const problem = problemHere();
              if (problem) setError(problem);
              else go('review');
            }}
            data-testid="check-in-finish"
          >
            {t('checkIn.finish')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={560}>
      <Stack gap={4}>
        <Title order={1}>{t('checkIn.title')}</Title>
        {stage === 0 ? <Text size="sm">{t('checkIn.intro')}</Text> : null}
      </Stack>
      {body}
      <AnchorLink to="/my-record" size="sm">
        {t('checkIn.backToRecord')}
      </AnchorLink>
    </Stack>
  );
}
