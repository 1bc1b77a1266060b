/** Who is calling a use case: the signed-in user, their organisation and their roles there. */

/** The roles a user may hold in one organisation (domain.md section 2 of the security model). */
export const userRoles = ['admin', 'supervisor', 'researcher', 'peer_worker'] as const;
export type UserRole = (typeof userRoles)[number];

/**
 * The roles an admin hands out by creating a user or setting roles. `peer_worker` is not one of them: it
 * comes only with a PSW invitation, which links the account to its one PSW record (ADR 0031).
 */
export const staffRoles = ['admin', 'supervisor', 'researcher'] as const;

/** The explicit caller every service takes; the api builds it from the session, the CLI from its flags. */
export interface Actor {
  readonly userId: string;
  readonly organizationId: string;
  readonly roles: ReadonlyArray<UserRole>;
}

/** True when the actor holds the role. */
export function hasRole(actor: Actor, role: UserRole): boolean {
  return actor.roles.includes(role);
}
