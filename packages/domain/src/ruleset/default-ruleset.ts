/** The default ruleset v1: every number of domain.md sections 3, 4 and 6 as one versioned data object. */
import type { IndicatorId } from '../catalog/indicator-ids';
import type { IndicatorModel, Ruleset } from './ruleset-schema';
import { rulesetSchema } from './ruleset-schema';

const none = { roles: {}, markers: {}, protects: {}, strain: 0 } as const;
const m = (weight: number, inverse = false) => ({ weight, inverse });

const indicators: Record<IndicatorId, IndicatorModel> = {
  shares_lived_experience: { ...none, roles: { friend: 1, expert_by_experience: 0.5 } },
  trusting_equal_relationships: { ...none, roles: { friend: 1 } },
  acts_as_role_model: { ...none, roles: { friend: 0.5, expert_by_experience: 0.5 } },
  client_friendship_requests: { ...none, saturation: 3, markers: { friend_vs_professional: m(0.4) } },
  after_hours_client_contact: { ...none, saturation: 4, markers: { friend_vs_professional: m(0.7) } },
  private_number_shared: { ...none, markers: { friend_vs_professional: m(0.6) } },
  meets_clients_outside_work: { ...none, saturation: 2, markers: { friend_vs_professional: m(0.6) } },
  informal_address_with_clients: { ...none, markers: { friend_vs_professional: m(0.3) } },
  work_intrudes_personal_life: { ...none, markers: { friend_vs_professional: m(0.5) }, strain: 0.6 },
  applies_professional_competencies: { ...none, roles: { professional: 1 } },
  works_within_org_rules: { ...none, roles: { professional: 0.7 } },
  phone_off_after_hours: { ...none, roles: { professional: 0.5 }, protects: { friend_vs_professional: 0.4 } },
  keeps_working_hours: { ...none, roles: { professional: 0.5 }, protects: { friend_vs_professional: 0.4 } },
  protects_personal_time: { ...none, protects: { friend_vs_professional: 0.3 } },
  cooperates_in_team: { ...none, roles: { staff_member: 1 } },
  input_valued_by_team: {
    ...none,
    roles: { staff_member: 0.7, expert_by_experience: 0.5 },
    protects: { staff_member_vs_expert_by_experience: 0.5 },
  },
  supportive_colleagues: {
    ...none,
    roles: { staff_member: 0.5 },
    protects: { staff_member_vs_expert_by_experience: 0.4 },
  },
  has_own_workplace: {
    ...none,
    roles: { staff_member: 0.5 },
    markers: { staff_member_vs_expert_by_experience: m(0.5, true) },
  },
  invited_to_team_meetings: {
    ...none,
    roles: { staff_member: 0.7 },
    markers: { staff_member_vs_expert_by_experience: m(0.6, true) },
  },
  receives_client_information: {
    ...none,
    roles: { staff_member: 0.7 },
    markers: { staff_member_vs_expert_by_experience: m(0.6, true) },
  },
  condition_accommodated: {
    ...none,
    markers: { staff_member_vs_expert_by_experience: m(0.3, true) },
    protects: { staff_member_vs_expert_by_experience: 0.3 },
  },
  uses_lived_experience_in_team: { ...none, roles: { expert_by_experience: 1 } },
  bridges_staff_and_clients: { ...none, roles: { expert_by_experience: 1 } },
  seen_as_former_patient: { ...none, markers: { staff_member_vs_expert_by_experience: m(0.7) } },
  witnesses_disrespect_to_service_users: {
    ...none,
    saturation: 2,
    markers: { staff_member_vs_expert_by_experience: m(0.4) },
  },
  self_stigma: { ...none, markers: { staff_member_vs_expert_by_experience: m(0.4) }, strain: 0.5 },
  exhaustion: { ...none, strain: 0.8 },
  stress: { ...none, strain: 0.5 },
  role_unclear: { ...none },
  supervision_available: {
    ...none,
    protects: { friend_vs_professional: 0.5, staff_member_vs_expert_by_experience: 0.5 },
  },
  psychotherapy_access: { ...none, protects: { friend_vs_professional: 0.3 } },
  position_defined: { ...none, protects: { staff_member_vs_expert_by_experience: 0.2 } },
  team_trained_in_peer_work: { ...none, protects: { staff_member_vs_expert_by_experience: 0.5 } },
  destigmatization_activities: { ...none, protects: { staff_member_vs_expert_by_experience: 0.3 } },
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The default ruleset v1 (`peerbridge-default` 1.0.0); frozen, replace or override it with `withOverrides`. */
export const defaultRuleset: Ruleset = deepFreeze(
  rulesetSchema.parse({
    id: 'peerbridge-default',
    version: '1.0.0',
    windowDays: 90,
    minObservations: 3,
    minConfidence: 0.34,
    levelCuts: { emerging: 0.15, active: 0.35, severe: 0.6 },
    trendSteadyBand: 0.05,
    severity: { protectionFactor: 0.5, strainTerm: 0.15 },
    contextMultipliers: {
      earlyCareer: { tenureUnderMonths: 12, factor: 1.25 },
      inpatient: { factor: 1.25 },
    },
    supervision: { cadenceDays: 28, gapFactor: 1.5 },
    findings: {
      roleUnclearAtLeast: 0.5,
      overFormalization: { professionalAtLeast: 0.7, friendAtMost: 0.3 },
    },
    recommendations: { boundaryStrategyLowBelow: 0.5 },
    indicators,
  }),
);
