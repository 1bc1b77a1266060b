/**
 * Which study a research use case works on: a study is its owner's, inside the actor's organisation.
 * Also how the CLI (which holds the database itself) resolves the actor it runs as: the study's owner.
 */
import { StudyInputError } from '@peerbridge/study-formats';
import { requireRole } from '../access/require-role';
import { type Actor, type UserRole, userRoles } from '../actor';
import { type DbOrTrx, newId, nowIso } from '../db';

/** An organisation by id or exact name, or a not-found error listing the organisations there are. */
export async function findOrganization(db: DbOrTrx, nameOrId: string): Promise<{ id: string; name: string }> {
  const rows = await db.selectFrom('organization').select(['id', 'name']).execute();
  const match = rows.find((o) => o.id === nameOrId) ?? rows.find((o) => o.name === nameOrId);
  if (!match) {
    const known = rows.map((o) => `"${o.name}"`).join(', ') || 'none (run `peerbridge init` first)';
    throw new StudyInputError('not_found', `organisation "${nameOrId}" not found; organisations: ${known}`);
  }
  return match;
}

/** The organisation given by --org, else the only one; several without --org is a usage error. */
export async function resolveOrganization(
  db: DbOrTrx,
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
    throw new StudyInputError(
      'not_found',
      'the database has no organisation yet; run `peerbridge init` first',
    );
  }
  if (rows.length > 1)
    throw new StudyInputError('usage', 'the database has several organisations; say which with --org <name>');
  return rows[0] as { id: string; name: string };
}

/** A study by name in the organisation (any owner), or undefined. */
async function studyByName(db: DbOrTrx, organizationId: string, name: string) {
  return db
    .selectFrom('study')
    .select(['id', 'name', 'organization_id', 'owner_user_id', 'mapping'])
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** The actor's own study of that name, or undefined; another owner's study of that name is not theirs. */
export async function findOwnStudy(db: DbOrTrx, actor: Actor, name: string) {
  requireRole(actor, 'researcher');
  const study = await studyByName(db, actor.organizationId, name.trim());
  return study && study.owner_user_id === actor.userId ? study : undefined;
}

/** The actor's own study, or a not-found error listing the studies they have. */
export async function requireOwnStudy(
  db: DbOrTrx,
  actor: Actor,
  name: string,
): Promise<{ id: string; name: string; organizationId: string }> {
  const study = await findOwnStudy(db, actor, name);
  if (!study) {
    const [names, organization] = await Promise.all([
      db
        .selectFrom('study')
        .select('name')
        .where('organization_id', '=', actor.organizationId)
        .where('owner_user_id', '=', actor.userId)
        .orderBy('name')
        .execute(),
      db.selectFrom('organization').select('name').where('id', '=', actor.organizationId).executeTakeFirst(),
    ]);
    const known =
      names.map((s) => `"${s.name}"`).join(', ') || 'none yet (import one with `peerbridge import`)';
    throw new StudyInputError(
      'not_found',
      `study "${name}" not found in ${organization?.name ?? 'the organisation'}; studies: ${known}`,
    );
  }
  return { id: study.id, name: study.name, organizationId: actor.organizationId };
}

export interface StudyTarget {
  id: string;
  name: string;
  organizationId: string;
  /** False when the study is created by this import. */
  existed: boolean;
}

/** The actor's study of that name, or a new one they own (inside the caller's transaction). */
export async function findOrCreateOwnStudy(
  db: DbOrTrx,
  actor: Actor,
  name: string,
  newStudyId: string = newId(),
): Promise<StudyTarget> {
  const trimmed = name.trim();
  if (trimmed === '') throw new StudyInputError('usage', '--study must not be empty');
  const existing = await studyByName(db, actor.organizationId, trimmed);
  if (existing) {
    if (existing.owner_user_id !== actor.userId)
      throw new StudyInputError(
        'conflict',
        `study "${trimmed}" belongs to another researcher; choose another name`,
      );
    return { id: existing.id, name: trimmed, organizationId: actor.organizationId, existed: true };
  }
  const id = newStudyId;
  await db
    .insertInto('study')
    .values({
      id,
      organization_id: actor.organizationId,
      name: trimmed,
      owner_user_id: actor.userId,
      created_at: nowIso(),
    })
    .execute();
  return { id, name: trimmed, organizationId: actor.organizationId, existed: false };
}

export interface OperatorActorLookup {
  /** --org: organisation name or id (default: the only one). */
  org?: string | undefined;
  /** --owner / --as: the e-mail of the member to act as. */
  as?: string | undefined;
  /** The study the command is about, when it may exist: its owner is the default actor. */
  study?: string | undefined;
}

const knownRoles: ReadonlySet<string> = new Set(userRoles);

/**
 * The actor a command run on the database's own machine acts as: the member named by e-mail; else the
 * owner of the named study; else the organisation's first researcher, else its first admin. The
 * operator holds the database file, so the member acts with researcher rights for research commands
 * (as the CLI always allowed an admin to own a study). Every change is audited under that member.
 */
export async function resolveOperatorActor(db: DbOrTrx, lookup: OperatorActorLookup): Promise<Actor> {
  const organization = await resolveOrganization(db, lookup.org);
  const members = await db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id as id', 'user.email as email', 'membership.role as role'])
    .where('membership.organization_id', '=', organization.id)
    .orderBy('membership.created_at')
    .orderBy('user.id')
    .execute();
  let userId: string | undefined;
  if (lookup.as !== undefined) {
    const email = lookup.as.trim().toLowerCase();
    userId = members.find((m) => m.email.toLowerCase() === email)?.id;
    if (userId === undefined)
      throw new StudyInputError('not_found', `no member of this organisation has the e-mail ${lookup.as}`);
  } else {
    const study =
      lookup.study === undefined ? undefined : await studyByName(db, organization.id, lookup.study.trim());
    userId =
      study?.owner_user_id ??
      (members.find((m) => m.role === 'researcher') ?? members.find((m) => m.role === 'admin'))?.id;
    if (userId === undefined)
      throw new StudyInputError(
        'not_found',
        'the organisation has no researcher or admin to own the study; pass --owner',
      );
  }
  const roles = new Set<UserRole>(['researcher']);
  for (const m of members) if (m.id === userId && knownRoles.has(m.role)) roles.add(m.role as UserRole);
  return { userId, organizationId: organization.id, roles: [...roles].sort() };
}
