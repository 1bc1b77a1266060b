/**
 * `peerbridge login --server URL [--token T]`: checks an API token against the server and saves both for
 * later commands (0600, see remote/credentials.ts). Without --token the token is read from stdin (one
 * line; a prompt on stderr when stdin is a terminal). `peerbridge logout` forgets them.
 */
import { createInterface } from 'node:readline';
import type { CliContext } from '../context';
import { CliError } from '../errors/cli-error';
import { removeCredentials, writeCredentials } from '../remote/credentials';
import { normalizeServer, requestJson } from '../remote/server-client';

export interface LoginResult {
  server: string;
  file: string;
  /** How many studies the token's owner has there (the check that the token works). */
  studies: number;
}

async function readTokenLine(ctx: CliContext): Promise<string> {
  const stdin = ctx.stdin;
  if (stdin === undefined) throw new CliError('usage', 'no token: pass --token, or give it on stdin');
  if ((stdin as { isTTY?: boolean }).isTTY === true)
    ctx.stderr.write('API token (create one on your account page in the portal): ');
  const lines = createInterface({ input: stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line.trim();
  }
  return '';
}

export async function login(
  options: { server: string; token?: string | undefined },
  ctx: CliContext,
): Promise<LoginResult> {
  const server = normalizeServer(options.server);
  const token = (options.token ?? (await readTokenLine(ctx))).trim();
  if (token === '') throw new CliError('usage', 'the token is empty', { expected: 'an API token (pbt_...)' });
  const page = await requestJson<{ items: unknown[] }>({ server, token }, '/api/research/studies?limit=200');
  const file = writeCredentials(ctx.env, { server, token });
  return { server, file, studies: page.items.length };
}

export function renderLogin(result: LoginResult, ctx: CliContext): string {
  return `${ctx.out.green('Logged in')} to ${result.server}; the token is saved in ${result.file} (readable by you only). Research commands now run there; --db runs them on a database instead.`;
}

export function logout(ctx: CliContext): { file: string | null } {
  return { file: removeCredentials(ctx.env) ?? null };
}

export function renderLogout(result: { file: string | null }): string {
  return result.file === null ? 'Not logged in; nothing to forget.' : `Logged out: removed ${result.file}.`;
}
