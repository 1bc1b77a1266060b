/** Pending invitations of an existing account into another organisation (ADR 0011). */
import type { Selectable } from 'kysely';

export interface MembershipInvitationTable {
  id: string;
  organization_id: string;
  user_id: string;
  /** JSON array of roles, sorted. */
  roles: string;
  invited_by: string | null;
  /** ISO 8601 UTC. */
  created_at: string;
}

export type MembershipInvitationRow = Selectable<MembershipInvitationTable>;
