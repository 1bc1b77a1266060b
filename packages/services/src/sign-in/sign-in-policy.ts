/**
 * The sign-in limits (ADR 0023) as pure functions: only failures count; an account backs off after
 * a few failures with a doubling delay; an address is held only after many failures, so a ward whose
 * staff share one address never locks itself out by signing in correctly.
 */

export interface SignInPolicy {
  /** Failures of one account before any back-off. */
  readonly accountFreeFailures: number;
  /** First back-off delay; it doubles with each further failure. */
  readonly accountBaseDelaySeconds: number;
  readonly accountMaxDelaySeconds: number;
  /** An account's failures are forgotten this long after its last one (a success forgets them at once). */
  readonly accountForgetAfterSeconds: number;
  /** Failures from one address in one window before that address is held until the window ends. */
  readonly addressMaxFailures: number;
  readonly addressWindowSeconds: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  accountFreeFailures: 5,
  accountBaseDelaySeconds: 1,
  accountMaxDelaySeconds: 15 * 60,
  accountForgetAfterSeconds: 24 * 60 * 60,
  addressMaxFailures: 100,
  addressWindowSeconds: 15 * 60,
};

/** How long an account waits after its `failures`-th failure: 0, then 1 s, 2 s, 4 s ... capped. */
export function accountDelaySeconds(failures: number, policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY): number {
  const over = failures - policy.accountFreeFailures;
  if (over < 0) return 0;
  // 2 ** over grows past the cap long before it overflows; the cap bounds it.
  return Math.min(policy.accountBaseDelaySeconds * 2 ** Math.min(over, 40), policy.accountMaxDelaySeconds);
}

export interface FailureCount {
  readonly failures: number;
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
}

/** Seconds the account must still wait at `now` (0 = may try), given its stored count. */
export function accountWaitSeconds(
  count: FailureCount | undefined,
  now: Date,
  policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
): number {
  if (!count) return 0;
  const last = Date.parse(count.lastFailedAt);
  if (now.getTime() - last >= policy.accountForgetAfterSeconds * 1000) return 0;
  const until = last + accountDelaySeconds(count.failures, policy) * 1000;
  return Math.max(0, (until - now.getTime()) / 1000);
}

/** Seconds the address must still wait at `now` (0 = may try). */
export function addressWaitSeconds(
  count: FailureCount | undefined,
  now: Date,
  policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
): number {
  if (!count || count.failures < policy.addressMaxFailures) return 0;
  const until = Date.parse(count.firstFailedAt) + policy.addressWindowSeconds * 1000;
  return Math.max(0, (until - now.getTime()) / 1000);
}
