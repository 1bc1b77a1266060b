/** Role gates for use cases outside supervision: a caller without the role gets FORBIDDEN (roles are not secret). */
import { type Actor, hasRole, type UserRole } from '../actor';
import { forbidden } from '../errors';

export function requireRole(actor: Actor, role: UserRole): void {
  if (!hasRole(actor, role)) throw forbidden(`Only ${role === 'admin' ? 'an' : 'a'} ${role} may do this`);
}

/** For views open to several roles, e.g. the team overview (admin or supervisor). */
export function requireAnyRole(actor: Actor, roles: ReadonlyArray<UserRole>): void {
  if (!roles.some((r) => hasRole(actor, r))) throw forbidden(`Only a ${roles.join(' or ')} may do this`);
}
