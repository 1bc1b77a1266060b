/** The 34 indicator ids with their value kind and level: the structural part of the catalog that evidence validation needs. */

/** How an indicator's value is recorded: a 1..5 rating, a yes/no, or a count of events. */
export type IndicatorKind = 'likert' | 'bool' | 'event';
/** Whether an indicator describes one PSW or the unit (ward, service) they work in. */
export type IndicatorLevel = 'worker' | 'unit';

/** Every indicator id, in catalog order. */
export const indicatorIds = [
  'shares_lived_experience',
  'trusting_equal_relationships',
  'acts_as_role_model',
  'client_friendship_requests',
  'after_hours_client_contact',
  'private_number_shared',
  'meets_clients_outside_work',
  'informal_address_with_clients',
  'work_intrudes_personal_life',
  'applies_professional_competencies',
  'works_within_org_rules',
  'phone_off_after_hours',
  'keeps_working_hours',
  'protects_personal_time',
  'cooperates_in_team',
  'input_valued_by_team',
  'supportive_colleagues',
  'has_own_workplace',
  'invited_to_team_meetings',
  'receives_client_information',
  'condition_accommodated',
  'uses_lived_experience_in_team',
  'bridges_staff_and_clients',
  'seen_as_former_patient',
  'witnesses_disrespect_to_service_users',
  'self_stigma',
  'exhaustion',
  'stress',
  'role_unclear',
  'supervision_available',
  'psychotherapy_access',
  'position_defined',
  'team_trained_in_peer_work',
  'destigmatization_activities',
] as const;

/** A stable snake_case indicator id; a typo is a compile error. */
export type IndicatorId = (typeof indicatorIds)[number];

/** Kind and level of every indicator (domain.md section 4). */
export const indicatorShapes: {
  readonly [K in IndicatorId]: { kind: IndicatorKind; level: IndicatorLevel };
} = {
  shares_lived_experience: { kind: 'likert', level: 'worker' },
  trusting_equal_relationships: { kind: 'likert', level: 'worker' },
  acts_as_role_model: { kind: 'bool', level: 'worker' },
  client_friendship_requests: { kind: 'event', level: 'worker' },
  after_hours_client_contact: { kind: 'event', level: 'worker' },
  private_number_shared: { kind: 'bool', level: 'worker' },
  meets_clients_outside_work: { kind: 'event', level: 'worker' },
  informal_address_with_clients: { kind: 'bool', level: 'worker' },
  work_intrudes_personal_life: { kind: 'likert', level: 'worker' },
  applies_professional_competencies: { kind: 'likert', level: 'worker' },
  works_within_org_rules: { kind: 'likert', level: 'worker' },
  phone_off_after_hours: { kind: 'bool', level: 'worker' },
  keeps_working_hours: { kind: 'bool', level: 'worker' },
  protects_personal_time: { kind: 'likert', level: 'worker' },
  cooperates_in_team: { kind: 'likert', level: 'worker' },
  input_valued_by_team: { kind: 'likert', level: 'worker' },
  supportive_colleagues: { kind: 'likert', level: 'worker' },
  has_own_workplace: { kind: 'bool', level: 'unit' },
  invited_to_team_meetings: { kind: 'bool', level: 'unit' },
  receives_client_information: { kind: 'bool', level: 'unit' },
  condition_accommodated: { kind: 'bool', level: 'worker' },
  uses_lived_experience_in_team: { kind: 'likert', level: 'worker' },
  bridges_staff_and_clients: { kind: 'likert', level: 'worker' },
  seen_as_former_patient: { kind: 'likert', level: 'worker' },
  witnesses_disrespect_to_service_users: { kind: 'event', level: 'worker' },
  self_stigma: { kind: 'likert', level: 'worker' },
  exhaustion: { kind: 'likert', level: 'worker' },
  stress: { kind: 'likert', level: 'worker' },
  role_unclear: { kind: 'likert', level: 'worker' },
  supervision_available: { kind: 'bool', level: 'unit' },
  psychotherapy_access: { kind: 'bool', level: 'unit' },
  position_defined: { kind: 'bool', level: 'unit' },
  team_trained_in_peer_work: { kind: 'bool', level: 'unit' },
  destigmatization_activities: { kind: 'bool', level: 'unit' },
};

const indicatorIdSet: ReadonlySet<string> = new Set(indicatorIds);

/** True when `id` is one of the catalog's indicator ids. */
export function isIndicatorId(id: string): id is IndicatorId {
  return indicatorIdSet.has(id);
}
