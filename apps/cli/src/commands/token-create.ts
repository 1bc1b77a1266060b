/**
 * `peerbridge token create --email <researcher>`: an API token for a researcher, made by the operator on
 * the server's own database (for scripts and CI). Printed once; only its hash is stored (ADR 0021).
 */
import { createApiTokenAsOperator, resolveOperatorActor } from '@peerbridge/services';
import type { CliContext } from '../context';
import { withDatabase } from '../database/open-database';

export interface TokenCreateOptions {
  db?: string | undefined;
  email: string;
  name?: string | undefined;
  org?: string | undefined;
}

export interface TokenCreateResult {
  id: string;
  email: string;
  name: string;
  token: string;
}

export async function createToken(options: TokenCreateOptions, ctx: CliContext): Promise<TokenCreateResult> {
  return withDatabase(options, ctx, async ({ db }) => {
    const researcher = await resolveOperatorActor(db, { org: options.org, as: options.email });
    const created = await createApiTokenAsOperator(db, researcher, { name: options.name ?? 'cli' });
    return { id: created.id, email: options.email, name: created.name, token: created.token };
  });
}

export function renderTokenCreate(result: TokenCreateResult, ctx: CliContext): string {
  return [
    `${ctx.out.green('Created')} API token "${result.name}" for ${result.email} (research only):`,
    result.token,
    ctx.out.yellow(
      'It is shown only now. Use it with `peerbridge login` or PEERBRIDGE_TOKEN; revoke it in the portal.',
    ),
  ].join('\n');
}
