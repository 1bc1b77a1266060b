/** `peerbridge users add`: an account in an organisation with a role, able to sign in to the portal. */
import type { MembershipRole } from '@peerbridge/db';
import { withTransaction } from '@peerbridge/db';
import { createUser, findOrganization } from '../accounts/create-user';
import { generatePassword, readPasswordFromStdin } from '../accounts/password';
import { recordCliAudit } from '../audit/record-cli-audit';
import type { CliContext } from '../context';
import { withDatabase } from '../database/open-database';

export interface AddUserOptions {
  db?: string | undefined;
  email: string;
  name: string;
  role: MembershipRole;
  org: string;
  passwordStdin: boolean;
}

export interface AddUserResult {
  user: { id: string; email: string; name: string; role: MembershipRole };
  organization: { id: string; name: string };
  generatedPassword?: string;
}

export async function addUser(options: AddUserOptions, ctx: CliContext): Promise<AddUserResult> {
  const password = options.passwordStdin ? await readPasswordFromStdin(ctx.stdin) : generatePassword();
  return withDatabase(options, ctx, ({ db }) =>
    withTransaction(db, async (trx) => {
      const organization = await findOrganization(trx, options.org);
      const { userId } = await createUser(trx, {
        email: options.email,
        name: options.name,
        password,
        organizationId: organization.id,
        role: options.role,
      });
      await recordCliAudit(trx, {
        organizationId: organization.id,
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        details: { roles: [options.role] },
      });
      const result: AddUserResult = {
        user: {
          id: userId,
          email: options.email.trim().toLowerCase(),
          name: options.name,
          role: options.role,
        },
        organization,
      };
      if (!options.passwordStdin) result.generatedPassword = password;
      return result;
    }),
  );
}

export function renderAddUser(result: AddUserResult, ctx: CliContext): string {
  const lines = [
    `${ctx.out.green('Added')} ${result.user.email} as ${result.user.role} of ${result.organization.name}`,
  ];
  if (result.generatedPassword) {
    lines.push(`  password: ${ctx.out.bold(result.generatedPassword)}  (shown once; store it now)`);
  }
  return lines.join('\n');
}
