import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anOrganization,
  aUser,
  type MigratedTestDatabase,
  openMigratedTestDatabase,
} from '../migrated-test-database';
import {
  addMembership,
  listMemberships,
  listMembershipsOfUser,
  removeMembership,
  rolesOf,
} from './membership.repository';
import { findUserByEmail, getUser, listOrganizationUsers } from './user.repository';

describe.each(testDialects())('membership and user repositories on %s', (dialect) => {
  let t: MigratedTestDatabase;
  let orgA: string;
  let orgB: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    t = await openMigratedTestDatabase(dialect);
    orgA = await anOrganization(t.db, { name: 'A' });
    orgB = await anOrganization(t.db, { name: 'B' });
    alice = await aUser(t.db, { name: 'alice Admin' });
    bob = await aUser(t.db, { name: 'Bob Supervisor' });
  });
  afterAll(() => t.close());

  it('grants roles, and granting a held role again changes nothing', async () => {
    const first = await addMembership(t.db, orgA, alice, 'admin');
    const again = await addMembership(t.db, orgA, alice, 'admin');
    expect(again).toEqual(first);
    await addMembership(t.db, orgA, alice, 'supervisor');
    await addMembership(t.db, orgA, bob, 'supervisor');
    await addMembership(t.db, orgB, bob, 'researcher');
    expect(await rolesOf(t.db, orgA, alice)).toEqual(['admin', 'supervisor']);
    expect(await rolesOf(t.db, orgB, alice)).toEqual([]);
    expect((await listMemberships(t.db, orgA)).length).toBe(3);
  });

  it("lists a user's memberships across organisations", async () => {
    const rows = await listMembershipsOfUser(t.db, bob);
    expect(rows.map((r) => [r.organizationId, r.role]).sort()).toEqual(
      [
        [orgA, 'supervisor'],
        [orgB, 'researcher'],
      ].sort(),
    );
  });

  it('lists the users of one organisation with their roles, by name regardless of case', async () => {
    const users = await listOrganizationUsers(t.db, orgA);
    expect(users.map((u) => [u.name, u.roles])).toEqual([
      ['alice Admin', ['admin', 'supervisor']],
      ['Bob Supervisor', ['supervisor']],
    ]);
    expect((await listOrganizationUsers(t.db, orgB)).map((u) => u.id)).toEqual([bob]);
  });

  it('removes a role', async () => {
    expect(await removeMembership(t.db, orgA, alice, 'supervisor')).toBe(true);
    expect(await removeMembership(t.db, orgA, alice, 'supervisor')).toBe(false);
    expect(await rolesOf(t.db, orgA, alice)).toEqual(['admin']);
  });

  it('reads users by id and by email', async () => {
    const user = await getUser(t.db, bob);
    expect(user).toEqual({ id: bob, name: 'Bob Supervisor', email: `${bob}@example.test` });
    expect(await findUserByEmail(t.db, ` ${bob.toUpperCase()}@EXAMPLE.TEST `)).toEqual(user);
    expect(await getUser(t.db, 'nobody')).toBeNull();
  });
});
