/**
 * ADR 0011, adversarial, on both dialects: an admin of organisation A creates one user with a fresh
 * e-mail and one with the e-mail of organisation B's member. Everything the admin can then observe (the
 * create answer, the list rows apart from the values they typed, the roles answer, the audit events they
 * read) is the same for both; only after a first sign-in (or an accept) does a row become active.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declineInvitation, listMyInvitations } from '../account/invitations';
import type { Actor } from '../actor';
import { listAuditLog } from '../audit/audit-log';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization } from '../test-support/small-organization';
import { createUser, insertUserWithPassword, listUsers, recordFirstSignIn, setUserRoles } from './users';
import { assignSupervisor } from './workers';

const PASSPHRASE = 'a long synthetic passphrase';

describe.each(testDialects())('a new account and an invitation read alike on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let admin: Actor;
  let workerId: string;
  let elsewhereId: string;
  const db = () => mdb.handle.db;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    const org = await aSmallOrganization(db(), { workers: 1 });
    admin = org.admin;
    workerId = org.workerIds[0] as string;
    await db()
      .insertInto('organization')
      .values({ id: 'org-2', name: 'Other Trust', created_at: new Date().toISOString() })
      .execute();
    elsewhereId = await insertUserWithPassword(db(), 'org-2', {
      name: 'Their Own Name',
      email: 'elsewhere@example.test',
      password: 'their own passphrase here',
      roles: ['supervisor'],
    });
    await recordFirstSignIn(db(), elsewhereId);
  });
  afterAll(async () => {
    await mdb.close();
  });

  /** Replaces the values the admin typed (and the ids) by placeholders: what remains must be equal. */
  const typed = (value: unknown, replacements: Record<string, string>): unknown =>
    JSON.parse(
      Object.entries(replacements).reduce(
        (text, [from, to]) => text.split(from).join(to),
        JSON.stringify(value),
      ),
    );

  it('shows, changes and audits both the same way', async () => {
    const fresh = await createUser(db(), admin, {
      name: 'Typed Fresh',
      email: 'fresh@example.test',
      password: PASSPHRASE,
      roles: ['supervisor'],
    });
    const invited = await createUser(db(), admin, {
      name: 'Typed Invited',
      email: 'elsewhere@example.test',
      password: PASSPHRASE,
      roles: ['supervisor'],
    });
    expect(invited.userId).toBe(elsewhereId);
    expect(Object.keys(invited)).toEqual(Object.keys(fresh));
    const freshMask = { [fresh.userId]: 'ID', 'Typed Fresh': 'NAME', 'fresh@example.test': 'EMAIL' };
    const invitedMask = { [elsewhereId]: 'ID', 'Typed Invited': 'NAME', 'elsewhere@example.test': 'EMAIL' };

    const rows = (await listUsers(db(), admin, { limit: 200 })).items;
    const freshRow = rows.find((r) => r.id === fresh.userId);
    const invitedRow = rows.find((r) => r.id === elsewhereId);
    expect(invitedRow).toEqual({
      id: elsewhereId,
      name: 'Typed Invited',
      email: 'elsewhere@example.test',
      roles: ['supervisor'],
      status: 'invited',
    });
    expect(typed(freshRow, freshMask)).toEqual(typed(invitedRow, invitedMask));

    const freshRoles = await setUserRoles(db(), admin, {
      userId: fresh.userId,
      roles: ['researcher', 'supervisor'],
    });
    const invitedRoles = await setUserRoles(db(), admin, {
      userId: elsewhereId,
      roles: ['researcher', 'supervisor'],
    });
    expect(typed(freshRoles, freshMask)).toEqual(typed(invitedRoles, invitedMask));
    const after = (await listUsers(db(), admin, { limit: 200 })).items;
    expect(
      typed(
        after.find((r) => r.id === fresh.userId),
        freshMask,
      ),
    ).toEqual(
      typed(
        after.find((r) => r.id === elsewhereId),
        invitedMask,
      ),
    );
    expect(after.find((r) => r.id === elsewhereId)?.roles).toEqual(['researcher', 'supervisor']);

    const events = (await listAuditLog(db(), admin, { limit: 200 })).items;
    const about = (id: string, mask: Record<string, string>) =>
      events
        .filter((e) => JSON.stringify(e).includes(id))
        .map((e) => {
          const { id: _id, seq: _seq, at: _at, ...rest } = e as unknown as Record<string, unknown>;
          return typed(rest, mask);
        });
    expect(about(fresh.userId, freshMask).length).toBe(2);
    expect(about(fresh.userId, freshMask)).toEqual(about(elsewhereId, invitedMask));

    // B's account itself is untouched: not a member of A, its own name kept.
    const user = await db()
      .selectFrom('user')
      .select('name')
      .where('id', '=', elsewhereId)
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('Their Own Name');
  });

  it('assigns a PSW to either alike, and a declined invitation takes its assignments with it', async () => {
    const otherId = await insertUserWithPassword(db(), 'org-2', {
      name: 'Another Own Name',
      email: 'another@example.test',
      password: 'another own passphrase',
      roles: ['supervisor'],
    });
    const fresh = await createUser(db(), admin, {
      name: 'Typed Second',
      email: 'second@example.test',
      password: PASSPHRASE,
      roles: ['supervisor'],
    });
    const invited = await createUser(db(), admin, {
      name: 'Typed Another',
      email: 'another@example.test',
      password: PASSPHRASE,
      roles: ['supervisor'],
    });
    expect(invited.userId).toBe(otherId);
    const freshAnswer = await assignSupervisor(db(), admin, { workerId, supervisorUserId: fresh.userId });
    const invitedAnswer = await assignSupervisor(db(), admin, { workerId, supervisorUserId: otherId });
    expect(invitedAnswer).toEqual(freshAnswer);
    const events = (await listAuditLog(db(), admin, { actions: ['assignment.create'] })).items;
    const strip = (id: string) =>
      events
        .filter((e) => JSON.stringify(e.details).includes(id))
        .map(({ id: _i, seq: _s, at: _a, details, ...rest }) => ({
          ...rest,
          details: JSON.parse(JSON.stringify(details).split(id).join('ID')),
        }));
    expect(strip(fresh.userId)).toHaveLength(1);
    expect(strip(fresh.userId)).toEqual(strip(otherId));

    // The invited person declines: the invitation and the assignment go, and the decline says so.
    const [invitation] = await listMyInvitations(db(), { userId: otherId });
    await declineInvitation(db(), { userId: otherId }, { invitationId: invitation?.id as string });
    const assigned = await db()
      .selectFrom('supervisor_assignment')
      .select('supervisor_user_id')
      .where('peer_worker_id', '=', workerId)
      .execute();
    expect(assigned.map((a) => a.supervisor_user_id)).toContain(fresh.userId);
    expect(assigned.map((a) => a.supervisor_user_id)).not.toContain(otherId);
    const declined = (await listAuditLog(db(), admin, { actions: ['invitation.decline'] })).items;
    expect(declined.map((e) => e.details)).toEqual([{ roles: ['supervisor'], assignmentsRemoved: 1 }]);
  });

  it('turns a new account active at its first sign-in, and only then', async () => {
    const { userId } = await createUser(db(), admin, {
      name: 'Aaa First Signer',
      email: 'first-signer@example.test',
      password: PASSPHRASE,
      roles: ['researcher'],
    });
    const statusOf = async () =>
      (await listUsers(db(), admin, { limit: 200 })).items.find((r) => r.id === userId)?.status;
    expect(await statusOf()).toBe('invited');
    await recordFirstSignIn(db(), userId);
    await recordFirstSignIn(db(), userId);
    expect(await statusOf()).toBe('active');
  });

  it('pages members and invitations together by name, without repeats or gaps', async () => {
    const all = (await listUsers(db(), admin, { limit: 200 })).items.map((r) => r.id);
    expect(all.length).toBeGreaterThan(3);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listUsers>> = await listUsers(db(), admin, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const r of page.items) paged.push(r.id);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(all);
  });

  it('refuses a page size above the cap, naming the field', async () => {
    await expect(listUsers(db(), admin, { limit: 201 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('limit'),
    });
  });
});
