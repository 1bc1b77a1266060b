/**
 * Passwords per NIST SP 800-63B-4 (ADR 0023): at least 15 characters (the minimum for a password that
 * is the only factor), at most 128 (at least 64 is required), any characters, no composition rules;
 * refused when made only of whitespace, or when zxcvbn-ts finds it guessable from its common-password
 * list (about 49,000 breached passwords), repeats, sequences or keyboard walks. Each refusal says why.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 128;
/** zxcvbn score (0-4) a password must reach: 3 is "safely unguessable" against online attack. */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;
/** Built on first use: loading the dictionaries takes a moment that only setting a password should pay. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return estimator;
}

const reasons: Record<string, string> = {
  commonPasswords: 'it is one of the most commonly used passwords',
  similarToCommon: 'it is too close to a commonly used password',
  topTen: 'it is one of the ten most commonly used passwords',
  topHundred: 'it is one of the hundred most commonly used passwords',
  simpleRepeat: 'it repeats the same character',
  extendedRepeat: 'it repeats the same few characters',
  sequences: 'it is a sequence such as abc or 6543',
  straightRow: 'it is a row of keys on the keyboard',
  keyPattern: 'it is a pattern of keys on the keyboard',
  dates: 'it is mostly a date',
  recentYears: 'it is mostly recent years',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is only a name',
  userInputs: 'it contains the name or e-mail of the account',
};

/** Why a password is refused, or null when it may be set. `userInputs` are the account's name and e-mail. */
export function passwordProblem(password: string, userInputs: ReadonlyArray<string> = []): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `expected a password of at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}); a few unrelated words make a good one`;
  if (length > MAX_PASSWORD_LENGTH)
    return `expected a password of at most ${MAX_PASSWORD_LENGTH} characters (this one has ${length})`;
  if (password.trim() === '') return 'expected a password with something besides spaces';
  const inputs: string[] = [];
  for (const input of userInputs) {
    const lower = input.toLowerCase();
    // The whole value, its parts and its letters run together: "Marian Novakova" -> "mariannovakova".
    for (const part of [lower, lower.split('@')[0] ?? '', ...lower.split(/[\s@._-]+/)]) {
      const joined = part.replace(/[\s@._-]+/g, '');
      if (joined.length >= 3) inputs.push(joined);
    }
  }
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const why = (result.feedback.warning && reasons[result.feedback.warning]) ?? 'it would be easy to guess';
  return `this password is refused because ${why}; choose a longer one, e.g. a few unrelated words`;
}

/** The password field of any input that sets a password (its context, name and e-mail, is checked by the caller). */
export const passwordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
