/** Pending invitations of an existing account into another organisation (ADR 0011). */
import type { Selectable } from 'kysely';

export interface MembershipInvitationTable {
  id: string;
  organization_id: string;
  user_id: string;
  /** JSON array of roles, sorted. */
  roles: string;
  invited_by: string | null;
  /** The name and e-mail the admin typed (null on invitations made before 2026-12-02-801). */
  name: string | null;
  email: string | null;
  /** ISO 8601 UTC. */
  created_at: string;
}

/** A user's first sign-in: a new account is "invited" in the admin's list until it has one. */
export interface UserFirstSignInTable {
  user_id: string;
  /** ISO 8601 UTC. */
  signed_in_at: string;
}

export type MembershipInvitationRow = Selectable<MembershipInvitationTable>;
