/**
 * Sign-in limits around better-auth's `POST /sign-in/email` (ADR 0023): only failures count. An account
 * backs off after 5 failures (1 s, 2 s, 4 s ... up to 15 min), an address is held only after 100
 * failures in 15 minutes, and a success clears that account's failures. The counters live in the
 * database, so every api process shares them. A held attempt is answered 429 with Retry-After before
 * the password is even checked, and the message is the same whether the account exists or not.
 */
import {
  clearSignInFailures,
  type Db,
  DEFAULT_SIGN_IN_POLICY,
  recordSignInFailure,
  type SignInPolicy,
  signInKeys,
  signInWait,
} from '@peerbridge/services';

export interface SignInLimits {
  /** Answers the attempt: refused with 429, or passed to `signIn` and its outcome counted. */
  guard(
    request: Request,
    address: string,
    signIn: (request: Request) => Promise<Response>,
  ): Promise<Response>;
}

function tooMany(seconds: number): Response {
  const wait =
    seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} second${seconds === 1 ? '' : 's'}`;
  return Response.json(
    {
      code: 'TOO_MANY_FAILED_SIGN_INS',
      message: `Too many failed sign-ins. Try again in ${wait}.`,
      retryAfterSeconds: seconds,
    },
    { status: 429, headers: { 'retry-after': String(seconds), 'cache-control': 'no-store' } },
  );
}

async function emailOf(request: Request): Promise<string | null> {
  try {
    const body: unknown = await request.clone().json();
    if (body && typeof body === 'object' && 'email' in body && typeof body.email === 'string')
      return body.email;
  } catch {
    // Not JSON: better-auth answers it 400 itself.
  }
  return null;
}

export function createSignInLimits(
  db: Db,
  secret: string,
  policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
): SignInLimits {
  return {
    async guard(request, address, signIn) {
      const email = await emailOf(request);
      if (email === null) return signIn(request);
      const keys = signInKeys(secret, email, address);
      const wait = await signInWait(db, keys, new Date(), policy);
      if (wait.seconds > 0) return tooMany(wait.seconds);
      const response = await signIn(request);
      // 401 is better-auth's answer to a wrong password and to an unknown e-mail alike.
      if (response.status === 401) await recordSignInFailure(db, keys, new Date(), policy);
      else if (response.ok) await clearSignInFailures(db, keys);
      return response;
    },
  };
}
