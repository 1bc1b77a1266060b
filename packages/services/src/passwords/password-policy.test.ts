/** The password policy of ADR 0023 (NIST SP 800-63B-4): length, whitespace, common and guessable passwords, no composition rules. */
import { describe, expect, it } from 'vitest';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy';

describe('the password policy', () => {
  it.each([
    ['14 characters', 'abcdefghijklm1', /at least 15 characters \(this one has 14\)/],
    ['emoji count as one character each', '🐢'.repeat(14), /at least 15 characters \(this one has 14\)/],
    ['129 characters', 'ward night shift handover '.repeat(5).slice(0, 129), /at most 128 characters/],
    ['only spaces', ' '.repeat(20), /something besides spaces/],
    ['only tabs and newlines', '\t\n\u00a0\u2003'.repeat(5), /something besides spaces/],
    ['a breached password padded with digits', 'iloveyou1234567', /commonly used password/],
    ['a breached password repeated', 'passwordpassword', /repeats the same few characters/],
    ['one repeated character', 'a'.repeat(20), /repeats the same character/],
    ['a keyboard row', 'qwertyuiopasdfgh', /commonly used|row of keys/],
    ['a number sequence', '123456789012345', /commonly used|sequence/],
  ])('refuses %s with a reason', (_case, password, reason) => {
    expect(passwordProblem(password)).toMatch(reason);
  });

  it.each([
    ['a few unrelated words', 'correct horse battery staple'],
    ['lower-case letters only (no composition rules)', 'lanternmeadowquietriver'],
    ['spaces inside', 'ward seven tea at four'],
    ['non-Latin letters', 'příliš žluťoučký kůň úpěl'],
    ['exactly the minimum, random', 'k3v9-qp2x-7mzr-'],
    ['exactly the maximum', 'ab3k9-'.repeat(21).slice(0, 126) + 'zq'],
  ])('accepts %s', (_case, password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('refuses a password made of the account name or e-mail', () => {
    expect(
      passwordProblem('mariannovakova2026', ['Marian Novakova', 'marian.novakova@ward.example.test']),
    ).toMatch(/name or e-mail/);
    expect(passwordProblem('mariannovakova2026')).toBeNull();
  });

  it('uses bounds NIST asks for: at least 15 for a single factor, a maximum of at least 64', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(15);
    expect(MAX_PASSWORD_LENGTH).toBeGreaterThanOrEqual(64);
  });
});
