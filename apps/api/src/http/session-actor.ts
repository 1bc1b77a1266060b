/**
 * The actor of a plain HTTP route (a download or an upload, outside tRPC): the session cookie's user in the
 * organisation they chose (ADR 0025), or null when signed out. The one place such routes resolve who is
 * calling, so a token-authenticated client can be added here later.
 */
import { type Actor, type Db, resolveActor } from '@peerbridge/services';
import type { Auth } from '../auth';
import { requestedOrganizationOf } from './organization-choice';

export async function sessionActor(db: Db, auth: Auth, headers: Headers): Promise<Actor | null> {
  const session = await auth.api.getSession({ headers });
  return session ? resolveActor(db, session.user.id, requestedOrganizationOf(headers)) : null;
}
