/** Pending invitations of an existing account into another organisation (ADR 0011). */
import type { ColumnType, Selectable } from 'kysely';

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
  /** The PSW record a `peer_worker` invitation links the account to (ADR 0031), else null. */
  peer_worker_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Hex SHA-256 of the one-time code, null for invitations accepted on sign-in (ADR 0011). */
  code_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** ISO 8601 UTC after which the code is refused. */
  expires_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A user's first sign-in: a new account is "invited" in the admin's list until it has one. */
export interface UserFirstSignInTable {
  user_id: string;
  /** ISO 8601 UTC. */
  signed_in_at: string;
}

export type MembershipInvitationRow = Selectable<MembershipInvitationTable>;
