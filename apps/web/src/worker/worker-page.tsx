/** The PSW page: role profile, conflicts with their "why", findings, cards to answer, severity over time, history. */
import { Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type Card, conflictIds } from '@peerbridge/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionOutcomeDialog } from '../actions/action-outcome-dialog';
import { ActionOwnerText } from '../actions/action-owner-text';
import { useActionTitle } from '../actions/action-title';
import { useTRPC, useTRPCClient } from '../api/trpc';
import { useOpenRecord, useReopenWhenLapsed } from '../api/use-open-record';
import { RequireRole } from '../auth/require-role';
import { useMe } from '../auth/use-me';
import { addDays } from '../dates/iso-dates';
import { useFormat } from '../i18n/format';
import { NextSessionPanel } from '../next-session/next-session-panel';
import { MutationError } from '../ui/mutation-error';
import { DueBadge } from '../ui/overdue-badge';
import { AnchorLink, ButtonLink } from '../ui/router-links';
import { ShowMoreButton } from '../ui/show-more-button';
import { ErrorState, LoadingState } from '../ui/state-views';
import { useDocumentTitle } from '../ui/use-document-title';
import { useRequestIds } from '../ui/use-request-ids';
import type { CardResponseDraft } from './card-response-form';
import { ConflictPanel } from './conflict-panel';
import type { ObservationView, SessionView } from './evidence-types';
import { FindingsList } from './findings-list';
import { HistoryTables } from './history-tables';
import { PeerComments } from './peer-comments';
import { type CardAction, type CardAnswer, RecommendationCards, TEAM_OWNER } from './recommendation-cards';
import { RoleProfileChart } from './role-profile-chart';
import { AmendSessionDialog, VoidSessionDialog } from './session-change-forms';
import { SessionHistory, VoidedBadge } from './session-history';
import { SeverityHistoryChart, type SeverityPoint } from './severity-history-chart';
import { useWorkerObservations } from './use-worker-observations';
import { WorkerGlance } from './worker-glance';

export function WorkerPage() {
  return (
    <RequireRole roles={['supervisor']}>
      <WorkerView />
    </RequireRole>
  );
}

function WorkerView() {
  const { workerId } = useParams({ from: '/shell/workers/$workerId' });
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fmt = useFormat();
  const me = useMe();
  const client = useTRPCClient();
  // Opening the page is the one audited view of this PSW's record; the reads wait for it (ADR 0009).
  const record = useOpenRecord(`worker:${workerId}`, () =>
    client.supervision.openWorker.mutate({ workerId }),
  );
  const enabled = record.opened;
  const assessment = useQuery(trpc.supervision.assessment.queryOptions({ workerId }, { enabled }));
  const history = useQuery(trpc.supervision.history.queryOptions({ workerId, months: 6 }, { enabled }));
  const sessions = useInfiniteQuery(
    trpc.supervision.sessions.infiniteQueryOptions(
      { workerId },
      { getNextPageParam: (page) => page.nextCursor, enabled },
    ),
  );
  const observations = useWorkerObservations(workerId, enabled);
  useReopenWhenLapsed(record, [assessment, history, sessions, observations.paging]);
  const answer = useMutation(trpc.supervision.answerCard.mutationOptions());
  const owners = useQuery(trpc.supervision.actionOwners.queryOptions({ workerId }, { enabled }));
  const titleOf = useActionTitle();
  const [closing, setClosing] = useState<{ id: string; title: string } | null>(null);
  // Notes are revealed by an explicit, audited POST when the supervisor asks for them (ADR 0009).
  const reveal = useMutation(trpc.supervision.revealNotes.mutationOptions());
  const [revealed, setRevealed] = useState<ReadonlyMap<string, string | null>>(new Map());
  const requestIds = useRequestIds();
  // The session being amended or voided (one dialog at a time).
  const [changing, setChanging] = useState<{ mode: 'amend' | 'void'; session: SessionView } | null>(null);
  useDocumentTitle(assessment.data?.worker.displayName);
  // One column (below Mantine's lg): the summary and the cards come before the evidence, in DOM order
  // too, so the focus order follows what is seen.
  const stacked = useMediaQuery('(max-width: 74.99em)');

  if (record.error) return <ErrorState error={record.error} onRetry={() => void record.reopen()} />;
  if (assessment.isPending) return <LoadingState />;
  if (assessment.isError)
    return <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />;

  const { worker, assessment: a, answeredCards, openActions } = assessment.data;
  // An action's title is its card's summary in the viewer's language (or a typed title), as on every page.
  const answeredActions = new Map<string, CardAction>();
  for (const item of openActions) {
    const cardId = item.cardId;
    if (cardId === null) continue;
    const owner =
      item.owner.kind === 'team'
        ? t('actions.teamOwner', { unit: item.owner.unitName, name: item.owner.name })
        : item.owner.name;
    if (!answeredActions.has(cardId)) answeredActions.set(cardId, { owner, dueOn: item.dueOn });
  }
  const observationList: ObservationView[] | null = observations.data;
  const observationsById = new Map((observationList ?? []).map((o) => [o.id, o]));
  const answers = new Map<string, CardAnswer>(
    Object.entries(answeredCards).map(([cardId, r]) => [
      cardId,
      { decision: r.decision, reason: r.reason, respondedAt: r.respondedAt },
    ]),
  );
  const points: SeverityPoint[] = (history.data?.points ?? []).map((p) => ({
    asOf: p.asOf,
    severity: {
      friend_vs_professional: p.conflicts.friend_vs_professional.severity,
      staff_member_vs_expert_by_experience: p.conflicts.staff_member_vs_expert_by_experience.severity,
    },
  }));
  const sessionViews: SessionView[] = (sessions.data?.pages.flatMap((page) => page.items) ?? []).map((s) => ({
    id: s.id,
    heldOn: s.heldOn,
    kind: s.kind,
    minutes: s.minutes,
    hasNotes: s.hasNotes,
    privateNotes: revealed.has(s.id) ? (revealed.get(s.id) ?? null) : s.hasNotes ? undefined : null,
    nothingToRecord: s.nothingToRecord,
    revision: s.revision,
    revisionCount: s.revisionCount,
    voided: s.voided,
    sharedSummary: s.sharedSummary,
    peerComments: s.peerComments,
  }));
  const onSessionChanged = async () => {
    // An amendment or void changes the evidence: the assessment, history and caseload follow it.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.supervision.sessions.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.sessionRevisions.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.assessment.queryKey({ workerId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.history.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.observations.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.caseload.queryKey() }),
    ]);
  };
  const sessionActions = (s: SessionView) => (
    <Stack gap={4} align="flex-start">
      <VoidedBadge session={s} />
      {s.voided ? null : (
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => setChanging({ mode: 'amend', session: s })}
            data-testid="amend-session"
          >
            {t('records.change.amend')}
          </Button>
          <Button
            size="compact-xs"
            variant="light"
            color="red"
            onClick={() => setChanging({ mode: 'void', session: s })}
            data-testid="void-session"
          >
            {t('records.change.void')}
          </Button>
        </Group>
      )}
      <AnchorLink
        to="/workers/$workerId/sessions/$sessionId/summary"
        params={{ workerId, sessionId: s.id }}
        size="xs"
        aria-label={t('next.summary.linkFor', { date: fmt.date(s.heldOn) })}
        data-testid="session-summary-link"
      >
        {t('next.summary.link')}
      </AnchorLink>
      <SessionHistory workerId={workerId} session={s} />
      <PeerComments session={s} />
    </Stack>
  );
  const onRevealNotes = async () => {
    const hidden = sessionViews.filter((s) => s.hasNotes && s.privateNotes === undefined).map((s) => s.id);
    if (hidden.length === 0) return;
    const { notes } = await reveal.mutateAsync({ workerId, sessionIds: hidden.slice(0, 200) });
    setRevealed((previous) => {
      const next = new Map(previous);
      for (const n of notes) next.set(n.sessionId, n.privateNotes);
      return next;
    });
  };

  const onRespond = async (card: Card, draft: CardResponseDraft) => {
    if (draft.decision === 'accepted') {
      await answer.mutateAsync({
        requestId: requestIds.idFor(card.id),
        workerId,
        cardId: card.id,
        asOf: a.asOf,
        decision: 'accepted',
        // No title: the card gives it, in each viewer's language.
        ...(draft.ownerUserId === TEAM_OWNER ? { forTeam: true } : { ownerUserId: draft.ownerUserId }),
        dueOn: draft.dueOn,
      });
    } else {
      await answer.mutateAsync({
        requestId: requestIds.idFor(card.id),
        workerId,
        cardId: card.id,
        asOf: a.asOf,
        decision: 'overridden',
        reason: draft.reason.trim(),
      });
    }
    requestIds.renew(card.id);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.supervision.assessment.queryKey({ workerId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.actions.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.supervision.caseload.queryKey() }),
    ]);
  };

  const meUser = me.data?.user;
  const evidenceColumn = (
    <Grid.Col span={{ base: 12, lg: 7 }}>
      <Stack gap="md">
        <Title order={2} fz="h3">
          {t('worker.conflicts')}
        </Title>
        {conflictIds.map((id) => (
          <ConflictPanel key={id} id={id} score={a.conflicts[id]} observations={observationsById} />
        ))}
        <FindingsList items={a.findings} observations={observationsById} />
        <RoleProfileChart scores={a.roles} />
        <SeverityHistoryChart points={points} />
      </Stack>
    </Grid.Col>
  );
  const cardsColumn = (
    <Grid.Col span={{ base: 12, lg: 5 }}>
      <Stack gap="md">
        <RecommendationCards
          cards={a.cards}
          answers={answers}
          actions={answeredActions}
          owners={[
            ...(
              owners.data?.members ??
              (meUser ? [{ userId: meUser.id, name: meUser.name || meUser.email }] : [])
            ).map((m) => ({ value: m.userId, label: m.name })),
            ...(owners.data
              ? [{ value: TEAM_OWNER, label: t('cards.forTeam', { unit: owners.data.team.unitName }) }]
              : []),
          ]}
          defaultOwner={meUser?.id ?? ''}
          today={a.asOf}
          defaultDueOn={addDays(a.asOf, 14)}
          onRespond={onRespond}
        />
        <Stack gap="xs" data-testid="worker-actions">
          <Title order={2} fz="h3">
            {t('actions.openForWorker')}
          </Title>
          {openActions.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('actions.none')}
            </Text>
          ) : (
            openActions.map((item) => (
              <Group key={item.id} gap="xs" justify="space-between" wrap="wrap" data-testid="worker-action">
                <Stack gap={2}>
                  <Text size="sm">{titleOf(item)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('actions.owner')}: <ActionOwnerText owner={item.owner} />
                  </Text>
                </Stack>
                <Group gap={6}>
                  <DueBadge item={item} today={a.asOf} />
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setClosing({ id: item.id, title: titleOf(item) })}
                    aria-label={t('actions.closeFor', { title: titleOf(item) })}
                  >
                    {t('actions.close')}
                  </Button>
                </Group>
              </Group>
            ))
          )}
        </Stack>
        <NextSessionPanel workerId={workerId} record={record} today={a.asOf} />
      </Stack>
    </Grid.Col>
  );
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <AnchorLink to="/caseload" size="sm">
            ← {t('worker.backToCaseload')}
          </AnchorLink>
          <Title order={1} data-testid="worker-name">
            {worker.displayName}
          </Title>
          <Text c="dimmed" size="sm">
            {worker.unit.name} · {t(`setting.${worker.unit.setting}`)} ·{' '}
            {t('worker.inPostSince', { date: fmt.date(worker.startedOn) })} ·{' '}
            {t('caseload.months', { count: a.tenureMonths })}
          </Text>
          <Text c="dimmed" size="xs">
            {t('worker.assessedOn', {
              date: fmt.date(a.asOf),
              from: fmt.date(a.window.from),
              count: a.observationsInWindow,
              ruleset: `${a.ruleset.id} ${a.ruleset.version}`,
            })}
          </Text>
        </Stack>
        <ButtonLink to="/workers/$workerId/record" params={{ workerId }}>
          {t('worker.recordSession')}
        </ButtonLink>
      </Group>

      <WorkerGlance
        levels={{
          friend_vs_professional: a.conflicts.friend_vs_professional.level,
          staff_member_vs_expert_by_experience: a.conflicts.staff_member_vs_expert_by_experience.level,
        }}
        actions={openActions}
        today={a.asOf}
      />
      <Grid gap="md">
        {stacked ? (
          <>
            {cardsColumn}
            {evidenceColumn}
          </>
        ) : (
          <>
            {evidenceColumn}
            {cardsColumn}
          </>
        )}
      </Grid>
      <HistoryTables
        sessions={sessionViews}
        observations={observationList}
        onRevealNotes={() => void onRevealNotes()}
        revealing={reveal.isPending}
        sessionActions={sessionActions}
      />
      {changing ? (
        changing.mode === 'amend' ? (
          <AmendSessionDialog
            workerId={workerId}
            session={{ ...changing.session, revision: changing.session.revision ?? 1 }}
            today={a.asOf}
            onClose={() => setChanging(null)}
            onChanged={onSessionChanged}
          />
        ) : (
          <VoidSessionDialog
            workerId={workerId}
            session={{ ...changing.session, revision: changing.session.revision ?? 1 }}
            today={a.asOf}
            onClose={() => setChanging(null)}
            onChanged={onSessionChanged}
          />
        )
      ) : null}
      {closing ? <ActionOutcomeDialog action={closing} onClose={() => setClosing(null)} /> : null}
      <MutationError error={reveal.error} />
      <ShowMoreButton query={sessions} testId="sessions-show-more" />
      <ShowMoreButton query={observations.paging} testId="observations-show-more" />
    </Stack>
  );
}
