/** Synthetic data of a PSW's own record for component tests: check-ins (shared and kept) and a download. */
import { assess } from '@peerbridge/domain';
import type { OwnCheckInView } from '../src/own-record/own-check-in-words';
import type { OwnRecordDocumentView } from '../src/own-record/own-record-print';

/** Three check-ins, newest first: stress kept each time (skipped in the middle one), a team answer shared. */
export const threeCheckIns: OwnCheckInView[] = [
  {
    id: 'c3',
    answeredOn: '2026-11-28',
    answers: [
      { indicator: 'cooperates_in_team', value: 4, shared: true },
      { indicator: 'private_number_shared', value: true, shared: true },
      { indicator: 'stress', value: 4, shared: false },
    ],
    burnout: null,
  },
  {
    id: 'c2',
    answeredOn: '2026-11-14',
    answers: [{ indicator: 'cooperates_in_team', value: 3, shared: true }],
    burnout: null,
  },
  {
    id: 'c1',
    answeredOn: '2026-10-31',
    answers: [
      { indicator: 'cooperates_in_team', value: 2, shared: true },
      { indicator: 'stress', value: 2, shared: false },
    ],
    burnout: null,
  },
];

/** The burnout questions answered in the newest and the oldest of `threeCheckIns` (scores 0..100, kept). */
const burnoutOf: Record<string, OwnCheckInView['burnout']> = {
  c3: { personal: 45.8333, work: 35 },
  c1: { personal: 50, work: 40 },
};

/** `threeCheckIns` with the burnout questions answered twice: work 40 → 35, personal 50 → 46. */
export const checkInsWithBurnout: OwnCheckInView[] = threeCheckIns.map((c) => ({
  ...c,
  burnout: burnoutOf[c.id] ?? null,
}));

/** What the supervisor wrote for themselves: it must never show on a PSW page. */
export const SUPERVISOR_PRIVATE = 'Supervisor-only note about a synthetic client';

const assessment = assess({
  asOf: '2026-12-01',
  worker: { id: 'w-olga', startedOn: '2025-03-01', unitId: 'u-north' },
  unit: { id: 'u-north', setting: 'inpatient' },
  observations: [
    {
      id: 'o-olga-1',
      workerId: 'w-olga',
      indicator: 'client_friendship_requests',
      value: 2,
      observedAt: '2026-11-12',
      source: 'self_report',
    },
    // As vignette 2 of domain.md: left out of the team on her unit, with supportive colleagues.
    ...(['invited_to_team_meetings', 'receives_client_information'] as const).map((indicator) => ({
      id: `o-north-${indicator}`,
      unitId: 'u-north',
      indicator,
      value: false,
      observedAt: '2026-11-01',
      source: 'supervision' as const,
    })),
    {
      id: 'o-olga-2',
      workerId: 'w-olga',
      indicator: 'supportive_colleagues',
      value: 4,
      observedAt: '2026-11-20',
      source: 'supervision',
    },
  ],
});

/** A download with one summarised session, one without a shared summary, two actions and the check-ins. */
export const ownDocument: OwnRecordDocumentView = {
  format: 'peerbridge-own-record',
  version: 1,
  exportedAt: '2026-12-04T10:00:00.000Z',
  worker: {
    displayName: 'Olga Synthetic',
    unitName: 'Unit North',
    startedOn: '2024-11-26',
    status: 'active',
  },
  sessions: [
    {
      id: 's2',
      heldOn: '2026-11-20',
      kind: 'individual',
      minutes: 50,
      sharedSummary: 'We agreed on a work phone for after-hours calls.',
      voided: false,
      comments: [
        {
          id: 'm1',
          sessionId: 's2',
          body: 'The Tuesday slot works for me.',
          createdAt: '2026-11-21T09:00:00.000Z',
        },
      ],
      // A field the page must never print, whatever the document carries.
      ...({ privateNotes: SUPERVISOR_PRIVATE } as object),
    },
    {
      id: 's1',
      heldOn: '2026-10-30',
      kind: 'group',
      minutes: null,
      sharedSummary: null,
      voided: false,
      comments: [],
    },
  ],
  actions: [
    {
      id: 'a1',
      cardId: null,
      title: 'Ask for a work phone',
      dueOn: '2026-12-10',
      status: 'open',
      outcome: null,
      completedAt: null,
      forPeerWorker: true,
    },
    {
      id: 'a2',
      cardId: null,
      title: 'Agree on office hours',
      dueOn: null,
      status: 'done',
      outcome: 'done',
      completedAt: '2026-11-25T12:00:00.000Z',
      forPeerWorker: false,
    },
  ],
  // The API sends the explanation as JSON; the domain's readonly arrays are the same data.
  picture: JSON.parse(JSON.stringify({ asOf: assessment.asOf, explanation: assessment.explanation })),
  checkIns: checkInsWithBurnout,
};
