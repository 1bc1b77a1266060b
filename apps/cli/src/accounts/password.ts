/** Passwords for accounts made on the command line: read from stdin, or generated and shown once. */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { passwordProblem } from '@peerbridge/services';
import { CliError } from '../errors/cli-error';

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
  const problem = passwordProblem(password);
  if (problem) {
    throw new CliError('invalid_input', `the password read from stdin is refused: ${problem}`, {
      location: { element: 'stdin' },
      expected: 'a password that follows the policy in ADR 0023 (15 to 128 characters, not a common one)',
    });
  }
  return password;
}
