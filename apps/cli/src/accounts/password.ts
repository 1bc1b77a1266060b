/** Passwords for accounts made on the command line: read from stdin, or generated and shown once. */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CliError } from '../errors/cli-error';

/** The API's sign-in rules (better-auth emailAndPassword options in apps/api/src/auth.ts). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** A random password of 24 URL-safe characters (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Read a password from stdin: the first line, without its line break. */
export async function readPasswordFromStdin(stdin: Readable | undefined): Promise<string> {
  if (!stdin) throw new CliError('usage', '--password-stdin given but there is no stdin to read');
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new CliError('invalid_input', `the password read from stdin has ${password.length} characters`, {
      location: { element: 'stdin' },
      expected: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
    });
  }
  return password;
}
