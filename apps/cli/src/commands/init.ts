/** `peerbridge init`: create and migrate the database, then the first organisation and its admin. */
import { randomUUID } from 'node:crypto';
import { redactUrl, withTransaction } from '@peerbridge/db';
import { createUser } from '../accounts/create-user';
import { generatePassword, readPasswordFromStdin } from '../accounts/password';
import { recordCliAudit } from '../audit/record-cli-audit';
import type { CliContext } from '../context';
import { databaseUrlFor, withDatabase } from '../database/open-database';
import { CliError } from '../errors/cli-error';

export interface InitOptions {
  db?: string | undefined;
  org: string;
  email: string;
  name: string;
  passwordStdin: boolean;
}

export interface InitResult {
  database: string;
  organization: { id: string; name: string };
  admin: { id: string; email: string };
  /** Only when generated: shown once, never stored in clear. */
  generatedPassword?: string;
}

export async function initDatabase(options: InitOptions, ctx: CliContext): Promise<InitResult> {
  if (options.org.trim() === '') throw new CliError('usage', '--org must not be empty');
  const password = options.passwordStdin ? await readPasswordFromStdin(ctx.stdin) : generatePassword();
  return withDatabase(options, ctx, async ({ db }) =>
    withTransaction(db, async (trx) => {
      const admins = await trx
        .selectFrom('membership')
        .select('id')
        .where('role', '=', 'admin')
        .limit(1)
        .execute();
      if (admins.length > 0) {
        throw new CliError(
          'conflict',
          'the database is already initialised (it has an admin); add people with `peerbridge users add`',
        );
      }
      const organizationId = randomUUID();
      await trx
        .insertInto('organization')
        .values({ id: organizationId, name: options.org.trim(), created_at: new Date().toISOString() })
        .execute();
      const { userId } = await createUser(trx, {
        email: options.email,
        name: options.name,
        password,
        organizationId,
        role: 'admin',
      });
      await recordCliAudit(trx, {
        organizationId,
        action: 'organization.create',
        entityType: 'organization',
        entityId: organizationId,
      });
      await recordCliAudit(trx, {
        organizationId,
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        details: { roles: ['admin'] },
      });
      const result: InitResult = {
        database: redactUrl(databaseUrlFor(options, ctx)),
        organization: { id: organizationId, name: options.org.trim() },
        admin: { id: userId, email: options.email.trim().toLowerCase() },
      };
      if (!options.passwordStdin) result.generatedPassword = password;
      return result;
    }),
  );
}

export function renderInit(result: InitResult, ctx: CliContext): string {
  const lines = [
    `${ctx.out.green('Initialised')} ${result.database}`,
    `  organisation: ${result.organization.name}`,
    `  admin:        ${result.admin.email}`,
  ];
  if (result.generatedPassword) {
    lines.push(`  password:     ${ctx.out.bold(result.generatedPassword)}  (shown once; store it now)`);
  }
  return lines.join('\n');
}
