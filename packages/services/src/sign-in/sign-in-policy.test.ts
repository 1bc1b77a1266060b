/** The back-off arithmetic of ADR 0023: free failures, doubling, the cap, forgetting, and the address window. */
import { describe, expect, it } from 'vitest';
import {
  accountDelaySeconds,
  accountWaitSeconds,
  addressWaitSeconds,
  DEFAULT_SIGN_IN_POLICY,
} from './sign-in-policy';

const at = (iso: string) => new Date(iso);

describe('the sign-in back-off', () => {
  it('lets 4 failures pass, then waits 1 s, 2 s, 4 s ... and never more than 15 minutes', () => {
    const delays = [];
    for (let f = 1; f <= 16; f++) delays.push(accountDelaySeconds(f));
    expect(delays).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    expect(accountDelaySeconds(10_000)).toBe(900);
  });

  it('counts the wait from the latest failure and forgets the count a day later', () => {
    const count = {
      failures: 7,
      firstFailedAt: '2026-12-01T10:00:00.000Z',
      lastFailedAt: '2026-12-01T10:00:00.000Z',
    };
    expect(accountWaitSeconds(count, at('2026-12-01T10:00:01.000Z'))).toBe(3);
    expect(accountWaitSeconds(count, at('2026-12-01T10:00:04.000Z'))).toBe(0);
    const capped = { ...count, failures: 40 };
    expect(accountWaitSeconds(capped, at('2026-12-01T10:14:59.000Z'))).toBe(1);
    expect(accountWaitSeconds(capped, at('2026-12-02T10:00:00.000Z'))).toBe(0);
  });

  it('holds an address only at 100 failures, until 15 minutes after the first', () => {
    const count = {
      failures: 99,
      firstFailedAt: '2026-12-01T10:00:00.000Z',
      lastFailedAt: '2026-12-01T10:05:00.000Z',
    };
    expect(addressWaitSeconds(count, at('2026-12-01T10:05:00.000Z'))).toBe(0);
    expect(addressWaitSeconds({ ...count, failures: 100 }, at('2026-12-01T10:05:00.000Z'))).toBe(600);
    expect(addressWaitSeconds({ ...count, failures: 100 }, at('2026-12-01T10:15:00.000Z'))).toBe(0);
    expect(DEFAULT_SIGN_IN_POLICY.addressMaxFailures).toBe(100);
  });
});
