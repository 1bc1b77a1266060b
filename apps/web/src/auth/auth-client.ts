/** Sign in and out through better-auth's HTTP endpoints with plain fetch (keeps its client out of the bundle). */

/** Why a sign-in failed, as the form shows it. */
export type SignInFailure = 'invalid_credentials' | 'rate_limited' | 'network';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Signs in with email and password; resolves to null on success or the reason it failed. */
export async function signIn(email: string, password: string): Promise<SignInFailure | null> {
  let response: Response;
  try {
    response = await postJson('/api/auth/sign-in/email', { email, password, rememberMe: true });
  } catch {
    return 'network';
  }
  if (response.ok) return null;
  if (response.status === 429) return 'rate_limited';
  if (response.status >= 500) return 'network';
  return 'invalid_credentials';
}

/** Ends the session on the server (the cookie goes with it). */
export async function signOut(): Promise<void> {
  await postJson('/api/auth/sign-out', {});
}

/** The signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const response = await fetch('/api/auth/get-session', { credentials: 'include' });
  if (!response.ok) return null;
  const body: unknown = await response.json();
  if (body && typeof body === 'object' && 'user' in body && body.user && typeof body.user === 'object') {
    const user = body.user as Record<string, unknown>;
    return { id: String(user.id), email: String(user.email), name: String(user.name ?? '') };
  }
  return null;
}
