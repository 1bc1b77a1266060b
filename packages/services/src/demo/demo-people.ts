/**
 * The synthetic demo organisation as data: units, accounts and twelve PSWs with invented names whose
 * histories, between them, show every golden vignette of domain.md section 8. Days are counted back
 * from the seed date, so the demo always looks current.
 */
import type { IndicatorId } from '@peerbridge/domain';

export type DemoUnitKey = 'ward' | 'community' | 'hub';
export type DemoSupervisorKey = 'wardSupervisor' | 'communitySupervisor';
type Values = Partial<Record<IndicatorId, number | boolean>>;

export const demoOrganizationName = 'Lakeside Mental Health Services (demo)';

export const demoUnits: Record<
  DemoUnitKey,
  { name: string; setting: 'inpatient' | 'community' | 'other'; values: Values }
> = {
  ward: {
    name: 'Ward B (acute inpatient)',
    setting: 'inpatient',
    // A ward where peer work is new: no desk, not in team meetings, not told about clients.
    values: {
      has_own_workplace: false,
      invited_to_team_meetings: false,
      receives_client_information: false,
      supervision_available: true,
      psychotherapy_access: false,
      position_defined: false,
      team_trained_in_peer_work: false,
      destigmatization_activities: false,
    },
  },
  community: {
    name: 'Riverside Community Team',
    setting: 'community',
    values: {
      has_own_workplace: true,
      invited_to_team_meetings: true,
      receives_client_information: true,
      supervision_available: true,
      psychotherapy_access: true,
      position_defined: true,
      team_trained_in_peer_work: true,
      destigmatization_activities: true,
    },
  },
  // A new drop-in service: nothing recorded about it yet.
  hub: { name: 'Northgate Drop-in Centre', setting: 'other', values: {} },
};

/** Demo accounts; the passwords are printed on start, so they are for the synthetic demo only. */
export const demoAccounts = {
  admin: {
    name: 'Dana Whitfield',
    email: 'admin@demo.peerbridge.test',
    password: 'demo-admin-pass',
    roles: ['admin'],
  },
  wardSupervisor: {
    name: 'Marta Holloway',
    email: 'marta@demo.peerbridge.test',
    password: 'demo-supervisor-pass',
    roles: ['supervisor'],
  },
  communitySupervisor: {
    name: 'Tomas Brennan',
    email: 'tomas@demo.peerbridge.test',
    password: 'demo-supervisor-pass',
    roles: ['supervisor'],
  },
  researcher: {
    name: 'Iva Lindqvist',
    email: 'researcher@demo.peerbridge.test',
    password: 'demo-researcher-pass',
    roles: ['researcher'],
  },
} as const;

/**
 * Demo peer worker accounts (ADR 0031): each is the own account of the demo PSW of that name. The
 * product makes them through an admin's invitation code; the demo seeds them ready to sign in.
 */
export const demoPeerAccounts = {
  jana: {
    name: 'Jana Kovar',
    email: 'jana@demo.peerbridge.test',
    password: 'demo-peer-pass',
    roles: ['peer_worker'],
    worker: 'Jana Kovar',
  },
  petra: {
    name: 'Petra Sandoval',
    email: 'petra@demo.peerbridge.test',
    password: 'demo-peer-pass',
    roles: ['peer_worker'],
    worker: 'Petra Sandoval',
  },
} as const;

/** One dated set of values: recorded in a supervision session or as the PSW's own check-in. */
export interface DemoEntry {
  daysAgo: number;
  kind: 'session' | 'check_in';
  values: Values;
}

/** A card the supervisor answered earlier, so the actions list and rule statistics have history. */
export interface DemoAnswer {
  cardId:
    | 'boundary_strategies'
    | 'supervision_focus_boundaries'
    | 'team_education'
    | 'keep_going'
    | 'supervision_focus_team_position';
  daysAgo: number;
  decision: 'accepted' | 'overridden';
  /**
   * accepted: when it is due (days from the seed date; negative = already past). The action has no
   * typed title: it reads the card's summary from the catalog in the viewer's language (ADR 0030).
   */
  dueInDays?: number;
  /** accepted: done this many days ago, or still open when left out. */
  doneDaysAgo?: number;
  /** overridden: why. */
  reason?: string;
}

export interface DemoWorker {
  name: string;
  unit: DemoUnitKey;
  supervisor: DemoSupervisorKey;
  startedDaysAgo: number;
  /** Which golden vignette this PSW shows, if any (for tests and the curious). */
  vignette?: 1 | 2 | 3 | 4 | 5 | 6;
  entries: DemoEntry[];
  answers?: DemoAnswer[];
}

const monthly = (
  fromDaysAgo: number,
  toDaysAgo: number,
  values: (daysAgo: number) => Values,
): DemoEntry[] => {
  const out: DemoEntry[] = [];
  for (let d = fromDaysAgo; d >= toDaysAgo; d -= 30)
    out.push({ daysAgo: d, kind: 'session', values: values(d) });
  return out;
};

const balanced: Values = {
  shares_lived_experience: 4,
  trusting_equal_relationships: 4,
  acts_as_role_model: true,
  applies_professional_competencies: 4,
  works_within_org_rules: 4,
  phone_off_after_hours: true,
  keeps_working_hours: true,
  protects_personal_time: 4,
  cooperates_in_team: 4,
  input_valued_by_team: 4,
  supportive_colleagues: 4,
  uses_lived_experience_in_team: 4,
  bridges_staff_and_clients: 4,
  after_hours_client_contact: 0,
  exhaustion: 1,
  stress: 1,
  role_unclear: 1,
  condition_accommodated: true,
};

export const demoWorkers: DemoWorker[] = [
  {
    // Vignette 1: four months in post, weekly after-hours calls, private number out, no session for 10 weeks.
    name: 'Jana Kovar',
    unit: 'community',
    supervisor: 'communitySupervisor',
    startedDaysAgo: 122,
    vignette: 1,
    entries: [
      {
        daysAgo: 110,
        kind: 'session',
        values: {
          shares_lived_experience: 5,
          trusting_equal_relationships: 5,
          informal_address_with_clients: true,
        },
      },
      {
        daysAgo: 70,
        kind: 'session',
        values: { after_hours_client_contact: 3, private_number_shared: true, client_friendship_requests: 1 },
      },
      {
        daysAgo: 42,
        kind: 'check_in',
        values: { after_hours_client_contact: 4, work_intrudes_personal_life: 3 },
      },
      {
        daysAgo: 14,
        kind: 'check_in',
        values: { after_hours_client_contact: 4, work_intrudes_personal_life: 4, exhaustion: 3 },
      },
    ],
    answers: [
      {
        cardId: 'boundary_strategies',
        daysAgo: 70,
        decision: 'accepted',
        dueInDays: -40,
      },
    ],
  },
  {
    // Vignette 6: the same trouble half a year ago; boundary strategies and monthly supervision since.
    name: 'Petra Sandoval',
    unit: 'community',
    supervisor: 'communitySupervisor',
    startedDaysAgo: 300,
    vignette: 6,
    entries: [
      ...monthly(180, 100, () => ({
        after_hours_client_contact: 4,
        private_number_shared: true,
        work_intrudes_personal_life: 4,
        phone_off_after_hours: false,
        shares_lived_experience: 5,
      })),
      ...monthly(90, 5, (d) => ({
        after_hours_client_contact: d > 45 ? 1 : 0,
        private_number_shared: false,
        phone_off_after_hours: true,
        keeps_working_hours: true,
        protects_personal_time: 4,
        work_intrudes_personal_life: 2,
        shares_lived_experience: 5,
      })),
    ],
    answers: [
      {
        cardId: 'boundary_strategies',
        daysAgo: 120,
        decision: 'accepted',
        dueInDays: -100,
        doneDaysAgo: 95,
      },
      {
        cardId: 'supervision_focus_boundaries',
        daysAgo: 120,
        decision: 'accepted',
        dueInDays: -90,
        doneDaysAgo: 88,
      },
    ],
  },
  {
    // Vignette 3: well supported, roles in balance, boundary strategies in use, monthly supervision.
    name: 'Lukas Moravec',
    unit: 'community',
    supervisor: 'communitySupervisor',
    startedDaysAgo: 1100,
    vignette: 3,
    entries: monthly(175, 5, () => balanced),
  },
  {
    // Vignette 4: professional to the letter, the peer relationship lost.
    name: 'Eva Dvorak',
    unit: 'community',
    supervisor: 'communitySupervisor',
    startedDaysAgo: 760,
    vignette: 4,
    entries: monthly(170, 10, () => ({
      applies_professional_competencies: 5,
      works_within_org_rules: 5,
      phone_off_after_hours: true,
      keeps_working_hours: true,
      shares_lived_experience: 1,
      trusting_equal_relationships: 1,
      acts_as_role_model: false,
      after_hours_client_contact: 0,
    })),
  },
  {
    // Vignette 5: new at a service with nothing recorded yet; two observations in the window.
    name: 'Filip Reinholt',
    unit: 'hub',
    supervisor: 'communitySupervisor',
    startedDaysAgo: 50,
    vignette: 5,
    entries: [{ daysAgo: 20, kind: 'check_in', values: { cooperates_in_team: 3, stress: 2 } }],
  },
  {
    name: 'Ondrej Pavlik',
    unit: 'community',
    supervisor: 'communitySupervisor',
    startedDaysAgo: 400,
    entries: monthly(165, 15, (d) => ({ ...balanced, role_unclear: d > 90 ? 2 : 4, stress: 2 })),
  },
  {
    name: 'Klara Vesely',
    unit: 'community',
    supervisor: 'communitySupervisor',
    startedDaysAgo: 220,
    entries: monthly(160, 8, (d) => ({
      ...balanced,
      after_hours_client_contact: d < 60 ? 2 : 0,
      meets_clients_outside_work: d < 60 ? 1 : 0,
      exhaustion: d < 60 ? 3 : 2,
    })),
  },
  {
    // Vignette 2: three years on the ward, kept out of meetings and client information, treated as a former patient.
    name: 'Hana Blazek',
    unit: 'ward',
    supervisor: 'wardSupervisor',
    startedDaysAgo: 1100,
    vignette: 2,
    entries: monthly(178, 6, (d) => ({
      seen_as_former_patient: d < 100 ? 4 : 3,
      witnesses_disrespect_to_service_users: 1,
      cooperates_in_team: 3,
      input_valued_by_team: 2,
      uses_lived_experience_in_team: 3,
      after_hours_client_contact: 0,
      private_number_shared: false,
    })),
    answers: [
      {
        cardId: 'team_education',
        daysAgo: 25,
        decision: 'accepted',
        dueInDays: 20,
      },
      {
        cardId: 'supervision_focus_team_position',
        daysAgo: 25,
        decision: 'overridden',
        reason: 'Covered by the ward-wide meeting next week; revisit afterwards.',
      },
    ],
  },
  {
    name: 'Martin Lukes',
    unit: 'ward',
    supervisor: 'wardSupervisor',
    startedDaysAgo: 600,
    entries: monthly(172, 12, (d) => ({
      seen_as_former_patient: 3,
      self_stigma: d < 80 ? 4 : 2,
      stress: d < 80 ? 4 : 3,
      exhaustion: 3,
      supportive_colleagues: 2,
      after_hours_client_contact: 0,
    })),
  },
  {
    name: 'Zuzana Toman',
    unit: 'ward',
    supervisor: 'wardSupervisor',
    startedDaysAgo: 450,
    entries: monthly(168, 9, () => ({
      input_valued_by_team: 3,
      supportive_colleagues: 4,
      uses_lived_experience_in_team: 4,
      bridges_staff_and_clients: 4,
      witnesses_disrespect_to_service_users: 1,
      after_hours_client_contact: 0,
    })),
  },
  {
    name: 'Adam Cerny',
    unit: 'ward',
    supervisor: 'wardSupervisor',
    startedDaysAgo: 800,
    entries: monthly(176, 3, () => ({ ...balanced, input_valued_by_team: 3 })),
  },
  {
    name: 'Lenka Fiala',
    unit: 'ward',
    supervisor: 'wardSupervisor',
    startedDaysAgo: 95,
    entries: [
      { daysAgo: 80, kind: 'session', values: { shares_lived_experience: 4, role_unclear: 4, stress: 3 } },
      {
        daysAgo: 50,
        kind: 'session',
        values: { role_unclear: 3, seen_as_former_patient: 2, after_hours_client_contact: 1 },
      },
      { daysAgo: 18, kind: 'session', values: { role_unclear: 3, stress: 3, cooperates_in_team: 3 } },
    ],
  },
];
