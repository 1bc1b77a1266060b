/**
 * The sign-in failure counters in the database (table `sign_in_failure`), shared by every api process.
 * Keys are HMAC-SHA-256 of the normalised e-mail or address under the server secret: the table never
 * holds what someone typed into the e-mail field, and the same key is made whether the account exists
 * or not, so the limits cannot tell an attacker which accounts exist.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db';
import {
  accountWaitSeconds,
  addressWaitSeconds,
  DEFAULT_SIGN_IN_POLICY,
  type FailureCount,
  type SignInPolicy,
} from './sign-in-policy';

export interface SignInKeys {
  readonly account: string;
  readonly address: string;
}

/** The two counter keys of one attempt. */
export function signInKeys(secret: string, email: string, address: string): SignInKeys {
  const mac = (value: string) => createHmac('sha256', secret).update(value).digest('hex');
  return {
    account: `account:${mac(`account\0${email.trim().toLowerCase()}`)}`,
    address: `address:${mac(`address\0${address}`)}`,
  };
}

async function readCounts(db: Db, keys: SignInKeys): Promise<Map<string, FailureCount>> {
  const rows = await db
    .selectFrom('sign_in_failure')
    .selectAll()
    .where('key', 'in', [keys.account, keys.address])
    .execute();
  const counts = new Map<string, FailureCount>();
  for (const r of rows) {
    counts.set(r.key, {
      failures: Number(r.failures),
      firstFailedAt: r.first_failed_at,
      lastFailedAt: r.last_failed_at,
    });
  }
  return counts;
}

/** Whole seconds the attempt must wait (0 = let it through), and which limit holds it. */
export async function signInWait(
  db: Db,
  keys: SignInKeys,
  now: Date,
  policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
): Promise<{ seconds: number; limit: 'account' | 'address' | null }> {
  const counts = await readCounts(db, keys);
  const address = addressWaitSeconds(counts.get(keys.address), now, policy);
  const account = accountWaitSeconds(counts.get(keys.account), now, policy);
  if (address === 0 && account === 0) return { seconds: 0, limit: null };
  return address >= account
    ? { seconds: Math.ceil(address), limit: 'address' }
    : { seconds: Math.ceil(account), limit: 'account' };
}

/** Counts one failure against a key, in one statement (two processes never lose a count). */
async function countFailure(db: Db, key: string, now: Date, restartIfBefore: Date): Promise<void> {
  const at = now.toISOString();
  const cutoff = restartIfBefore.toISOString();
  const column = key.startsWith('address:')
    ? sql.ref('sign_in_failure.first_failed_at')
    : sql.ref('sign_in_failure.last_failed_at');
  await db
    .insertInto('sign_in_failure')
    .values({ key, failures: 1, first_failed_at: at, last_failed_at: at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${column} < ${cutoff} then 1 else sign_in_failure.failures + 1 end`,
        first_failed_at: sql<string>`case when ${column} < ${cutoff} then ${at} else sign_in_failure.first_failed_at end`,
        last_failed_at: at,
      }),
    )
    .execute();
}

/** A wrong password (or an unknown account): one more failure for the account and for the address. */
export async function recordSignInFailure(
  db: Db,
  keys: SignInKeys,
  now: Date,
  policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
): Promise<void> {
  await countFailure(
    db,
    keys.account,
    now,
    new Date(now.getTime() - policy.accountForgetAfterSeconds * 1000),
  );
  await countFailure(db, keys.address, now, new Date(now.getTime() - policy.addressWindowSeconds * 1000));
}

/** A success forgets that account's failures (the address keeps its count: others may be guessing). */
export async function clearSignInFailures(db: Db, keys: SignInKeys): Promise<void> {
  await db.deleteFrom('sign_in_failure').where('key', '=', keys.account).execute();
}
