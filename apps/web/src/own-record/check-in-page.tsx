/**
 * The PSW's check-in before supervision (issue 12 item 2, ADR 0039), designed at 390×844 first: one
 * question at a time, each skippable, each answer shared with the supervisor or kept; a review that says
 * how many go where; then thanks, and for answers that show high strain a kind word and the contacts
 * the organisation configured. Never a score or a label.
 */
import { Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { MutationError } from '../ui/mutation-error';
import { AnchorLink } from '../ui/router-links';
import { useDocumentTitle } from '../ui/use-document-title';
import { useRequestIds } from '../ui/use-request-ids';
import { answerOf, answersOf, type CheckInDraft, checkInSteps, problemOf } from './check-in-model';
import { CheckInStepCard } from './check-in-step-card';
import { CheckInSupport } from './check-in-support';

type Stage = number | 'review';

export function CheckInPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const requestIds = useRequestIds();
  const submit = useMutation(trpc.ownRecord.submitCheckIn.mutationOptions());
  const [stage, setStage] = useState<Stage>(0);
  const [draft, setDraft] = useState<CheckInDraft>({});
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t('checkIn.title'));
  const total = checkInSteps.length;

  if (submit.data) return <CheckInSupport result={submit.data} />;

  const answers = answersOf(draft);
  const go = (next: Stage) => {
    setError(null);
    setStage(next);
    window.scrollTo({ top: 0 });
  };
  const after = (i: number): Stage => (i + 1 < total ? i + 1 : 'review');

  let body: React.ReactNode;
  if (stage === 'review') {
    const shared = answers.filter((a) => a.share).length;
    body = (
      <Stack gap="md" data-testid="check-in-review">
        <Title order={2} fz="h3">
          {t('checkIn.reviewTitle')}
        </Title>
        <Text>
          {answers.length === 0
            ? t('checkIn.nothing')
            : t('checkIn.review', { answered: answers.length, total, shared, kept: answers.length - shared })}
        </Text>
        <MutationError error={submit.error} />
        <Group justify="space-between">
          <Button variant="default" onClick={() => go(total - 1)}>
            {t('checkIn.back')}
          </Button>
          <Button
            disabled={answers.length === 0}
            loading={submit.isPending}
            onClick={() => submit.mutate({ requestId: requestIds.idFor(JSON.stringify(answers)), answers })}
          >
            {t('checkIn.send')}
          </Button>
        </Group>
      </Stack>
    );
  } else {
    const step = checkInSteps[stage] ?? checkInSteps[0];
    if (!step) return null;
    const answer = answerOf(draft, step.indicator);
    const onNext = () => {
      const problem = problemOf(step, answer);
      if (problem) setError(problem);
      else go(after(stage));
    };
    const onSkip = () => {
      const { [step.indicator]: _dropped, ...rest } = draft;
      setDraft(rest);
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
        <Group justify="space-between" wrap="nowrap">
          <Button variant="default" onClick={() => go(stage - 1)} disabled={stage === 0}>
            {t('checkIn.back')}
          </Button>
          <Group gap="xs" wrap="nowrap">
            <Button variant="subtle" onClick={onSkip} data-testid="check-in-skip">
              {t('checkIn.skip')}
            </Button>
            <Button onClick={onNext} data-testid="check-in-next">
              {t('checkIn.next')}
            </Button>
          </Group>
        </Group>
        <Group justify="center">
          <Button
            variant="light"
            onClick={() => {
              const problem = problemOf(step, answer);
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
