import { hashPassword as betterAuthHash, verifyPassword as betterAuthVerify } from 'better-auth/crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash';

const flag = 'PEERBRIDGE_TEST_FAST_HASHES';
const testRunValue = process.env[flag];
afterEach(() => {
  if (testRunValue === undefined) delete process.env[flag];
  else process.env[flag] = testRunValue;
});

describe('password hashes', () => {
  it('outside test runs are better-auth scrypt hashes that better-auth itself verifies, and the other way round', async () => {
    delete process.env[flag];
    const hash = await hashPassword('a long passphrase here');
    expect(hash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(await betterAuthVerify({ hash, password: 'a long passphrase here' })).toBe(true);
    const made = await betterAuthHash('another long passphrase');
    expect(await verifyPassword(made, 'another long passphrase')).toBe(true);
    expect(await verifyPassword(made, 'another long passphrasE')).toBe(false);
  });

  it('in test runs are cheaper scrypt hashes that say so and verify only the right password', async () => {
    process.env[flag] = '1';
    const hash = await hashPassword('a long passphrase here');
    expect(hash).toMatch(/^test-scrypt-n1024\$[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(await verifyPassword(hash, 'a long passphrase here')).toBe(true);
    expect(await verifyPassword(hash, 'a long passphrase herE')).toBe(false);
    expect(await hashPassword('a long passphrase here')).not.toBe(hash);
    // Accounts made with the standard hash still sign in during a test run.
    expect(await verifyPassword(await betterAuthHash('standard one here'), 'standard one here')).toBe(true);
  });

  it('a test-run hash is never accepted outside a test run, even with the right password', async () => {
    process.env[flag] = '1';
    const hash = await hashPassword('a long passphrase here');
    delete process.env[flag];
    expect(await verifyPassword(hash, 'a long passphrase here')).toBe(false);
    expect(await verifyPassword('test-scrypt-n1024$broken', 'x')).toBe(false);
  });
});
