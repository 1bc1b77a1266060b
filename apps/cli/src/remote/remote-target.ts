/**
 * Where a research command runs: on a database (`--db`, the embedded case) or on a server with an API
 * token. In order: `--db` (the database, always); `--server` or PEERBRIDGE_SERVER (with `--token`,
 * PEERBRIDGE_TOKEN, or the token `peerbridge login` saved for that server); DATABASE_URL (the database);
 * the server `peerbridge login` saved; else the default database file.
 */
import type { CliContext } from '../context';
import { CliError } from '../errors/cli-error';
import { readCredentials } from './credentials';
import { normalizeServer, type RemoteTarget } from './server-client';

export interface TargetOptions {
  db?: string | undefined;
  server?: string | undefined;
  token?: string | undefined;
}

/** The server to use, or null for a database. */
export function remoteTargetOf(options: TargetOptions, ctx: CliContext): RemoteTarget | null {
  if (options.db !== undefined) {
    if (options.server !== undefined || options.token !== undefined)
      throw new CliError(
        'usage',
        '--db and --server/--token exclude each other: a command runs on one of them',
      );
    return null;
  }
  const server = options.server ?? ctx.env.server;
  if (server !== undefined) {
    const normalized = normalizeServer(server);
    const token =
      options.token ??
      ctx.env.token ??
      (() => {
        const saved = readCredentials(ctx.env);
        return saved !== undefined && normalizeServer(saved.server) === normalized ? saved.token : undefined;
      })();
    if (token === undefined)
      throw new CliError(
        'usage',
        `no API token for ${normalized}: pass --token, set PEERBRIDGE_TOKEN, or run \`peerbridge login --server ${normalized}\``,
      );
    return { server: normalized, token };
  }
  if (options.token !== undefined)
    throw new CliError(
      'usage',
      '--token needs --server (or PEERBRIDGE_SERVER) to say which server it is for',
    );
  if (ctx.env.databaseUrl !== undefined) return null;
  const saved = readCredentials(ctx.env);
  return saved === undefined ? null : { server: normalizeServer(saved.server), token: saved.token };
}
