/**
 * Accounts via better-auth: email + password (scrypt hashes), sessions stored in our database so any
 * process serves any user, HttpOnly SameSite=Lax cookies, and sign-in rate limits kept in the database
 * so several processes share them. Public sign-up is off: admins create users.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type DatabaseHandle, isDatabaseBusy } from '@peerbridge/db';
import { hashPassword, recordFirstSignIn, verifyPassword } from '@peerbridge/services';
import { betterAuth } from 'better-auth';
import { isAPIError } from 'better-auth/api';
import type { Env } from './env';
import type { Logger } from './logger';

/**
 * The only better-auth endpoints the product uses (method and path under /api/auth); the api answers
 * every other one 404 before better-auth sees it. Profile changes (`update-user`, `change-email`, ...)
 * would be unaudited and would rename a person across the audit trail; they go through services.
 */
export const AUTH_ENDPOINTS: ReadonlySet<string> = new Set([
  'POST /sign-in/email',
  'POST /sign-out',
  'GET /get-session',
]);

/** Header the api itself sets from the socket (or a trusted proxy header), replacing any client value. */
export const CLIENT_IP_HEADER = 'x-peerbridge-client-ip';

/**
 * Set by the api around each auth request: better-auth reports errors to `onAPIError` and answers 500;
 * a busy database is recorded here so the api answers 503 with Retry-After instead (ADR 0014).
 */
export const authBusyFlag = new AsyncLocalStorage<{ busy: unknown }>();

/** How long a session lasts and how often its expiry slides forward, in seconds (better-auth's names). */
export const SESSION_LIFETIME = { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 } as const;

export function createAuth(handle: Pick<DatabaseHandle, 'db' | 'dialect'>, env: Env, logger: Logger) {
  const authLogger = logger.child({ component: 'auth' });
  return betterAuth({
    appName: 'PeerBridge',
    baseURL: env.publicUrl,
    basePath: '/api/auth',
    secret: env.authSecret,
    trustedOrigins: env.trustedOrigins,
    database: { db: handle.db, type: handle.dialect },
    // Belt and braces beside AUTH_ENDPOINTS: better-auth itself refuses these too.
    disabledPaths: ['/update-user', '/change-email', '/change-password', '/delete-user', '/sign-up/email'],
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      // Sign-in accepts the passwords of accounts made under the older 10-character rule; new passwords
      // are checked where they are set (services' password policy, ADR 0023).
      minPasswordLength: 10,
      maxPasswordLength: 128,
      // One hasher for sign-in and the services (better-auth's scrypt; see password-hash.ts).
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    // A new account reads "invited" in the admin's list until its first sign-in (ADR 0011).
    databaseHooks: {
      session: { create: { after: async (session) => recordFirstSignIn(handle.db, session.userId) } },
    },
    session: SESSION_LIFETIME,
    // Off: it counts successes too (the sixth correct sign-in a minute from one address was refused).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'peerbridge',
      useSecureCookies: env.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
    onAPIError: {
      onError: (error) => {
        if (isDatabaseBusy(error)) {
          const flag = authBusyFlag.getStore();
          if (flag) flag.busy = error;
          authLogger.warn({ err: error }, 'database busy');
        } else if (!isAPIError(error) || error.status === 'INTERNAL_SERVER_ERROR') {
          authLogger.error({ err: error }, 'auth error');
        }
      },
    },
    // One logger for the whole process: better-auth's messages go through pino too.
    logger: {
      log: (level, message, ...args) => {
        const method =
          level === 'error' ? 'error' : level === 'warn' ? 'warn' : level === 'debug' ? 'debug' : 'info';
        authLogger[method]({ details: args.length > 0 ? args : undefined }, message);
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
