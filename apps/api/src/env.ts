/** The api's configuration: the only file that reads process.env, validated once with zod. */
import { z } from 'zod';

const DEV_SECRET = 'peerbridge-development-secret-do-not-use-in-production';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .min(1, { message: 'expected a SQLite file path or a postgres:// URL' })
    .default('./data/peerbridge.db'),
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, {
      message: 'expected a postgres:// URL of the owner role (PostgreSQL only)',
    })
    .optional(),
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int({ message: 'expected a whole port number' })
    .min(0, { message: 'expected a port from 0 to 65535' })
    .max(65535, { message: 'expected a port from 0 to 65535' })
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_BUSY_TIMEOUT_MS: z.coerce
    .number({ message: 'expected a number of milliseconds' })
    .int({ message: 'expected a whole number of milliseconds' })
    .min(1, { message: 'expected 1 to 60000 milliseconds' })
    .max(60_000, { message: 'expected 1 to 60000 milliseconds' })
    .default(5000),
  BETTER_AUTH_SECRET: z
    .string()
    .min(32, { message: 'expected a secret of at least 32 characters' })
    .optional(),
  PUBLIC_URL: z.url({ message: 'expected the public URL, e.g. https://peerbridge.example.org' }).optional(),
  TRUSTED_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(logLevels, { message: `expected one of ${logLevels.join(', ')}` }).default('info'),
  AUTH_RATE_LIMIT: z.enum(['on', 'off'], { message: 'expected on or off' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/i, {
      message: 'expected an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587',
    })
    .optional(),
  DIGEST_FROM: z.email({ message: 'expected the sender address, e.g. peerbridge@example.org' }).optional(),
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/i, { message: 'expected a header name such as x-forwarded-for' })
    .optional(),
});

/** The validated configuration every other module receives as a value. */
export interface Env {
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string;
  /** SQLite: how long a write waits for another writer's lock before the api answers 503 (ADR 0014). */
  databaseBusyTimeoutMs: number;
  /** PostgreSQL: the owner role that migrates and grants; DATABASE_URL is then the least-privileged app role. */
  migrationDatabaseUrl: string | null;
  port: number;
  host: string;
  authSecret: string;
  /** Base URL the browser uses; the origin of the auth cookies and the default trusted origin. */
  publicUrl: string;
  /** Origins allowed to send mutations (the public URL's origin plus TRUSTED_ORIGINS). */
  trustedOrigins: string[];
  logLevel: (typeof logLevels)[number];
  /** Sign-in rate limiting (stored in the database, shared by every process). */
  authRateLimit: boolean;
  /** Header a trusted load balancer sets to the client address (e.g. x-forwarded-for); unset = socket address. */
  clientIpHeader: string | null;
  /** The daily e-mail digest (ADR 0037): off (null) unless SMTP_URL and DIGEST_FROM are both set. */
  digest: { smtpUrl: string; from: string } | null;
  /** Problems worth a warning at start, e.g. the development secret in use. */
  warnings: string[];
}

/** Thrown when the environment is invalid; the message lists each variable and what was expected. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/** Validates an environment record (process.env in production, a plain object in tests). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = rawEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  if (raw.NODE_ENV === 'production' && cleaned.PEERBRIDGE_TEST_FAST_HASHES !== undefined) {
    throw new EnvError(
      'Invalid environment:\n  PEERBRIDGE_TEST_FAST_HASHES: a test-run setting (cheaper password hashes), never set in production',
    );
  }
  const warnings: string[] = [];
  let authSecret = raw.BETTER_AUTH_SECRET;
  if (!authSecret) {
    if (raw.NODE_ENV === 'production') {
      throw new EnvError(
        'Invalid environment:\n  BETTER_AUTH_SECRET: required in production (at least 32 random characters, e.g. `openssl rand -base64 32`)',
      );
    }
    authSecret = DEV_SECRET;
    warnings.push(
      'BETTER_AUTH_SECRET is not set: using the development secret. Never do this in production.',
    );
  }
  if ((raw.SMTP_URL === undefined) !== (raw.DIGEST_FROM === undefined)) {
    throw new EnvError(
      raw.SMTP_URL === undefined
        ? 'Invalid environment:\n  SMTP_URL: required with DIGEST_FROM (the e-mail digest needs both, or neither to keep it off)'
        : 'Invalid environment:\n  DIGEST_FROM: required with SMTP_URL (the e-mail digest needs both, or neither to keep it off)',
    );
  }
  const loopbackOrAny = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(raw.HOST);
  const shownHost = loopbackOrAny ? 'localhost' : raw.HOST;
  const publicUrl = (raw.PUBLIC_URL ?? `http://${shownHost}:${raw.PORT}`).replace(/\/$/, '');
  const extra = (raw.TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  // Without a PUBLIC_URL on this machine, people type either name for it: trust both.
  const localAliases = !raw.PUBLIC_URL && loopbackOrAny ? [`http://127.0.0.1:${raw.PORT}`] : [];
  const trustedOrigins = [...new Set([new URL(publicUrl).origin, ...localAliases, ...extra])];
  return {
    nodeEnv: raw.NODE_ENV,
    databaseUrl: raw.DATABASE_URL,
    databaseBusyTimeoutMs: raw.DATABASE_BUSY_TIMEOUT_MS,
    migrationDatabaseUrl: raw.MIGRATION_DATABASE_URL ?? null,
    port: raw.PORT,
    host: raw.HOST,
    authSecret,
    publicUrl,
    trustedOrigins,
    logLevel: raw.LOG_LEVEL,
    authRateLimit: raw.AUTH_RATE_LIMIT ? raw.AUTH_RATE_LIMIT === 'on' : true,
    clientIpHeader: raw.CLIENT_IP_HEADER?.toLowerCase() ?? null,
    digest:
      raw.SMTP_URL !== undefined && raw.DIGEST_FROM !== undefined
        ? { smtpUrl: raw.SMTP_URL, from: raw.DIGEST_FROM }
        : null,
    warnings,
  };
}

/** Reads and validates process.env. */
export function loadEnv(): Env {
  return parseEnv(process.env);
}
