/**
 * The credentials `peerbridge login` saves: one server and its API token, in
 * `<config home>/peerbridge/credentials.json`, readable by the owner only (0600, folder 0700). The file
 * is rewritten whole under a temporary name created 0600, so the token is never readable by others,
 * not even for a moment.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CliEnv } from '../env';
import { CliError } from '../errors/cli-error';

export interface Credentials {
  server: string;
  token: string;
}

const credentialsSchema = z.object({ server: z.string().min(1), token: z.string().min(1) });

/** The credentials file, or undefined when there is no config home (no HOME, no XDG_CONFIG_HOME). */
export function credentialsFile(env: CliEnv): string | undefined {
  return env.configHome === undefined ? undefined : join(env.configHome, 'peerbridge', 'credentials.json');
}

/** The saved credentials, or undefined when there are none. A damaged file is an error naming it. */
export function readCredentials(env: CliEnv): Credentials | undefined {
  const file = credentialsFile(env);
  if (file === undefined || !existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new CliError('invalid_input', 'the saved credentials are not JSON; run `peerbridge login` again', {
      location: { file },
      expected: '{ "server": "https://...", "token": "pbt_..." }',
    });
  }
  const parsed = credentialsSchema.safeParse(data);
  if (!parsed.success)
    throw new CliError(
      'invalid_input',
      'the saved credentials lack a server or a token; run `peerbridge login` again',
      {
        location: { file },
        expected: '{ "server": "https://...", "token": "pbt_..." }',
      },
    );
  return parsed.data;
}

/** Saves the credentials with mode 0600 (and the folder 0700); returns the file. */
export function writeCredentials(env: CliEnv, credentials: Credentials): string {
  const file = credentialsFile(env);
  if (file === undefined)
    throw new CliError(
      'usage',
      'no place to save the token: set HOME or XDG_CONFIG_HOME, or use PEERBRIDGE_TOKEN',
    );
  const dir = join(file, '..');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    // A umask cannot widen 0600, but an existing file's mode is not changed by a rename onto it: set it.
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  return file;
}

/** Removes the saved credentials; returns the file when there was one. */
export function removeCredentials(env: CliEnv): string | undefined {
  const file = credentialsFile(env);
  if (file === undefined || !existsSync(file)) return undefined;
  rmSync(file);
  return file;
}
