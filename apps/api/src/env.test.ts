import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('environment', () => {
  it('has working defaults for a local start, with a warning about the development secret', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      nodeEnv: 'development',
      databaseUrl: './data/peerbridge.db',
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      trustedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
      logLevel: 'info',
      authRateLimit: true,
      clientIpHeader: null,
    });
    expect(env.warnings.join(' ')).toMatch(/BETTER_AUTH_SECRET/);
  });

  it('refuses the test-run setting for cheaper password hashes in production', () => {
    const secret = 'a-production-secret-of-32-characters-or-more';
    expect(() =>
      parseEnv({ NODE_ENV: 'production', BETTER_AUTH_SECRET: secret, PEERBRIDGE_TEST_FAST_HASHES: '1' }),
    ).toThrow(/PEERBRIDGE_TEST_FAST_HASHES: a test-run setting/);
    expect(parseEnv({ NODE_ENV: 'production', BETTER_AUTH_SECRET: secret }).nodeEnv).toBe('production');
  });

  it('requires a real secret in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/BETTER_AUTH_SECRET: required in production/);
    expect(() => parseEnv({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'short' })).toThrow(
      /BETTER_AUTH_SECRET: expected a secret of at least 32 characters/,
    );
    const env = parseEnv({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(32) });
    expect(env.warnings).toEqual([]);
  });

  it('names each bad variable and what was expected', () => {
    let error: unknown;
    try {
      parseEnv({ PORT: 'eighty', LOG_LEVEL: 'loud', PUBLIC_URL: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: expected a port number/);
    expect(message).toMatch(/LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent/);
    expect(message).toMatch(/PUBLIC_URL: expected the public URL/);
  });

  it('trusts the public origin plus the listed extra origins', () => {
    const env = parseEnv({
      PUBLIC_URL: 'https://pb.example.org/',
      TRUSTED_ORIGINS: 'https://a.example.org, https://b.example.org',
    });
    expect(env.publicUrl).toBe('https://pb.example.org');
    expect(env.trustedOrigins).toEqual([
      'https://pb.example.org',
      'https://a.example.org',
      'https://b.example.org',
    ]);
  });

  it('takes an owner URL for migrations on PostgreSQL only, and names it when it is not one', () => {
    expect(parseEnv({}).migrationDatabaseUrl).toBeNull();
    expect(parseEnv({ MIGRATION_DATABASE_URL: 'postgres://owner@db/pb' }).migrationDatabaseUrl).toBe(
      'postgres://owner@db/pb',
    );
    expect(() => parseEnv({ MIGRATION_DATABASE_URL: './data/x.db' })).toThrow(
      /MIGRATION_DATABASE_URL: expected a postgres:\/\/ URL of the owner role/,
    );
  });
});
