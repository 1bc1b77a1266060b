/**
 * Creating a sign-in account from the command line through the services' `insertUserWithPassword`
 * (better-auth user + credential account with better-auth's scrypt hash + membership), after the
 * checks the CLI owes its user: a real e-mail address, not taken yet.
 */
import type { Database, MembershipRole } from '@peerbridge/db';
import {
  emailAddressSchema,
  hasVisibleCharacter,
  insertUserWithPassword,
  isWellFormedText,
  passwordProblem,
} from '@peerbridge/services';
import type { Kysely } from 'kysely';
import { CliError } from '../errors/cli-error';

/** The services' e-mail rule (RFC 5321 lengths, lower-cased), so the CLI and the admin screen agree. */
export const emailSchema = emailAddressSchema;

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly organizationId: string;
  readonly role: MembershipRole;
}

/** Insert user, credential account and membership inside `db` (pass a transaction). */
export async function createUser(db: Kysely<Database>, user: NewUser): Promise<{ userId: string }> {
  const parsed = emailSchema.safeParse(user.email.trim());
  if (!parsed.success) {
    throw new CliError('usage', `--email "${user.email}" is not an e-mail address`, {
      expected: 'an address like ana@example.org',
    });
  }
  if (!hasVisibleCharacter(user.name) || !isWellFormedText(user.name))
    throw new CliError('usage', '--name must have at least one visible character');
  // better-auth lower-cases e-mails at sign-in, so they are stored lower-case.
  const email = parsed.data;
  const problem = passwordProblem(user.password, [user.name, email]);
  if (problem) throw new CliError('invalid_input', `the password is refused: ${problem}`);
  const existing = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new CliError('conflict', `a user with the e-mail ${email} already exists`);
  const userId = await insertUserWithPassword(db, user.organizationId, {
    name: user.name.trim(),
    email,
    password: user.password,
    roles: [user.role],
  });
  return { userId };
}

/** An organisation by exact name or id; not found lists the ones that exist. */
export async function findOrganization(
  db: Kysely<Database>,
  nameOrId: string,
): Promise<{ id: string; name: string }> {
  const rows = await db.selectFrom('organization').select(['id', 'name']).execute();
  const match = rows.find((o) => o.id === nameOrId) ?? rows.find((o) => o.name === nameOrId);
  if (!match) {
    const known = rows.map((o) => `"${o.name}"`).join(', ') || 'none (run `peerbridge init` first)';
    throw new CliError('not_found', `organisation "${nameOrId}" not found; organisations: ${known}`);
  }
  return match;
}
