/**
 * Password hashes, in one place for sign-in (better-auth is configured with these two functions), the
 * services and the CLI: better-auth's own scrypt (`salt:key`, N=16384, r=16, p=1).
 *
 * Test runs only (ADR 0017): with `PEERBRIDGE_TEST_FAST_HASHES=1`, which the vitest configs set for their
 * workers and the processes those start, new hashes use the same scrypt at N=1024 and say so in a prefix.
 * A hash of that kind verifies only while the variable is set, so a production process never accepts one.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { hashPassword as standardHash, verifyPassword as standardVerify } from 'better-auth/crypto';

const FAST_PREFIX = 'test-scrypt-n1024$';
const FAST = { N: 1024, r: 16, p: 1, keyLength: 64 } as const;

function fastHashesOn(): boolean {
  return process.env.PEERBRIDGE_TEST_FAST_HASHES === '1';
}

function fastKey(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      FAST.keyLength,
      { N: FAST.N, r: FAST.r, p: FAST.p },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

let hashesMade = 0;

/** How many hashes this process has made: lets a test see that two paths pay the same work, untimed. */
export function passwordHashesMade(): number {
  return hashesMade;
}

export async function hashPassword(password: string): Promise<string> {
  hashesMade++;
  if (!fastHashesOn()) return standardHash(password);
  const salt = randomBytes(16).toString('hex');
  return `${FAST_PREFIX}${salt}:${(await fastKey(password, salt)).toString('hex')}`;
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (!hash.startsWith(FAST_PREFIX)) return standardVerify({ hash, password });
  if (!fastHashesOn()) return false;
  const [salt, key] = hash.slice(FAST_PREFIX.length).split(':');
  if (!salt || !key) return false;
  const expected = Buffer.from(key, 'hex');
  const actual = await fastKey(password, salt);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
