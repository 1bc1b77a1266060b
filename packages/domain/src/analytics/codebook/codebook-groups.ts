/**
 * Where each indicator sits in the codebook tree. A REFI-QDA code has one parent, so an indicator
 * that feeds several parts of the model is filed once, by the first that applies: a conflict
 * marker goes under its conflict, then strain, then the role it weighs most, then protective
 * factors, then context. The tree is fixed here (not derived from a ruleset) so that overriding
 * weights never moves a code.
 */
import type { ConflictId } from '../../catalog/conflicts';
import type { IndicatorId } from '../../catalog/indicator-ids';
import type { RoleId } from '../../catalog/roles';

/** A leaf group that holds indicators. */
export type IndicatorGroupId =
  | `role:${RoleId}`
  | `conflict:${ConflictId}`
  | 'protective_factors'
  | 'strain'
  | 'context';

/** The group of every indicator (a missing or misspelled one is a compile error). */
export const indicatorGroup: { readonly [K in IndicatorId]: IndicatorGroupId } = {
  shares_lived_experience: 'role:friend',
  trusting_equal_relationships: 'role:friend',
  acts_as_role_model: 'role:friend',
  client_friendship_requests: 'conflict:friend_vs_professional',
  after_hours_client_contact: 'conflict:friend_vs_professional',
  private_number_shared: 'conflict:friend_vs_professional',
  meets_clients_outside_work: 'conflict:friend_vs_professional',
  informal_address_with_clients: 'conflict:friend_vs_professional',
  work_intrudes_personal_life: 'conflict:friend_vs_professional',
  applies_professional_competencies: 'role:professional',
  works_within_org_rules: 'role:professional',
  phone_off_after_hours: 'role:professional',
  keeps_working_hours: 'role:professional',
  protects_personal_time: 'protective_factors',
  cooperates_in_team: 'role:staff_member',
  input_valued_by_team: 'role:staff_member',
  supportive_colleagues: 'role:staff_member',
  has_own_workplace: 'conflict:staff_member_vs_expert_by_experience',
  invited_to_team_meetings: 'conflict:staff_member_vs_expert_by_experience',
  receives_client_information: 'conflict:staff_member_vs_expert_by_experience',
  condition_accommodated: 'conflict:staff_member_vs_expert_by_experience',
  uses_lived_experience_in_team: 'role:expert_by_experience',
  bridges_staff_and_clients: 'role:expert_by_experience',
  seen_as_former_patient: 'conflict:staff_member_vs_expert_by_experience',
  witnesses_disrespect_to_service_users: 'conflict:staff_member_vs_expert_by_experience',
  self_stigma: 'conflict:staff_member_vs_expert_by_experience',
  exhaustion: 'strain',
  stress: 'strain',
  role_unclear: 'context',
  supervision_available: 'protective_factors',
  psychotherapy_access: 'protective_factors',
  position_defined: 'protective_factors',
  team_trained_in_peer_work: 'protective_factors',
  destigmatization_activities: 'protective_factors',
};

/** Colours (Okabe-Ito palette, readable by people with colour-blindness) per group. */
export const groupColor: { readonly [K in IndicatorGroupId | 'roles' | 'conflicts']: string } = {
  roles: '#000000',
  'role:friend': '#E69F00',
  'role:professional': '#56B4E9',
  'role:staff_member': '#009E73',
  'role:expert_by_experience': '#CC79A7',
  conflicts: '#000000',
  'conflict:friend_vs_professional': '#D55E00',
  'conflict:staff_member_vs_expert_by_experience': '#0072B2',
  protective_factors: '#009E73',
  strain: '#D55E00',
  context: '#999999',
};
