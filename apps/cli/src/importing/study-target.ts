/** Finding or creating the study an import goes into, with the organisation and owner it belongs to. */
import { randomUUID } from 'node:crypto';
import type { Database } from '@peerbridge/db';
import type { Kysely } from 'kysely';
import { findOrganization } from '../accounts/create-user';
import { CliError } from '../errors/cli-error';

export interface StudyTarget {
  id: string;
  name: string;
  organizationId: string;
  /** False when the study is created by this import. */
  existed: boolean;
}

export interface StudyLookup {
  study: string;
  org?: string | undefined;
  owner?: string | undefined;
}

/** The organisation given by --org, else the only one; several without --org is a usage error. */
export async function resolveOrganization(
  db: Kysely<Database>,
  org: string | undefined,
): Promise<{ id: string; name: string }> {
  if (org !== undefined) return findOrganization(db, org);
  const rows = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .orderBy('created_at')
    .limit(2)
    .execute();
  if (rows.length === 0) {
    throw new CliError('not_found', 'the database has no organisation yet; run `peerbridge init` first');
  }
  if (rows.length > 1)
    throw new CliError('usage', 'the database has several organisations; say which with --org <name>');
  return rows[0] as { id: string; name: string };
}

/** An existing study by name in the organisation, or undefined. */
export async function findStudy(db: Kysely<Database>, organizationId: string, name: string) {
  return db
    .selectFrom('study')
    .select(['id', 'name', 'organization_id'])
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** An existing study, or a not-found error listing the studies there are. */
export async function requireStudy(
  db: Kysely<Database>,
  lookup: StudyLookup,
): Promise<{ id: string; name: string; organizationId: string }> {
  const organization = await resolveOrganization(db, lookup.org);
  const study = await findStudy(db, organization.id, lookup.study);
  if (!study) {
    const names = await db
      .selectFrom('study')
      .select('name')
      .where('organization_id', '=', organization.id)
      .orderBy('name')
      .execute();
    const known =
      names.map((s) => `"${s.name}"`).join(', ') || 'none yet (import one with `peerbridge import`)';
    throw new CliError(
      'not_found',
      `study "${lookup.study}" not found in ${organization.name}; studies: ${known}`,
    );
  }
  return { id: study.id, name: study.name, organizationId: organization.id };
}

/** The owner of a new study: --owner by e-mail, else the organisation's first researcher, else its first admin. */
async function resolveOwner(
  db: Kysely<Database>,
  organizationId: string,
  owner: string | undefined,
): Promise<string> {
  const query = db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id as id', 'membership.role as role'])
    .where('membership.organization_id', '=', organizationId);
  if (owner !== undefined) {
    const row = await query.where('user.email', '=', owner.trim().toLowerCase()).executeTakeFirst();
    if (!row) throw new CliError('not_found', `no member of this organisation has the e-mail ${owner}`);
    return row.id;
  }
  const members = await query.orderBy('membership.created_at').execute();
  const pick = members.find((m) => m.role === 'researcher') ?? members.find((m) => m.role === 'admin');
  if (!pick)
    throw new CliError(
      'not_found',
      'the organisation has no researcher or admin to own the study; pass --owner',
    );
  return pick.id;
}

/** Find the study, or create it (inside the caller's transaction). */
export async function findOrCreateStudy(db: Kysely<Database>, lookup: StudyLookup): Promise<StudyTarget> {
  const name = lookup.study.trim();
  if (name === '') throw new CliError('usage', '--study must not be empty');
  const organization = await resolveOrganization(db, lookup.org);
  const existing = await findStudy(db, organization.id, name);
  if (existing) return { id: existing.id, name, organizationId: organization.id, existed: true };
  const ownerId = await resolveOwner(db, organization.id, lookup.owner);
  const id = randomUUID();
  await db
    .insertInto('study')
    .values({
      id,
      organization_id: organization.id,
      name,
      owner_user_id: ownerId,
      created_at: new Date().toISOString(),
    })
    .execute();
  return { id, name, organizationId: organization.id, existed: false };
}
