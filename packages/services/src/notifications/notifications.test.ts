/**
 * The notification centre and the digest's bookkeeping (ADR 0037), on both dialects: each kind appears
 * for the people who may see it and for nobody else (a supervisor of another organisation, a colleague
 * who neither supervises the PSW nor owns the action, an admin, the PSW), read marks are per member,
 * conditions that end are resolved, two writers never add a condition twice, and a day's digest is
 * claimed exactly once.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { refreshStoredAssessments } from '../caseload/stored-assessments';
import { addDays } from '../dates';
import { codeOf } from '../test-support/code-of';
import { aMember } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { claimDigest, digestMessage, digestRecipients } from './digest';
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationItem,
} from './notification-centre';
import { sweepNotifications } from './notification-conditions';

describe.each(testDialects())('notifications on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;
  /** Owns the overdue action, supervises nobody. */
  const owner: Actor = { userId: 'u-owner', organizationId: 'org-1', roles: ['supervisor'] };
  const bystander: Actor = { userId: 'u-by', organizationId: 'org-1', roles: ['supervisor'] };
  const outsider: Actor = { userId: 'u-other', organizationId: 'org-2', roles: ['supervisor'] };
  const peer: Actor = { userId: 'u-peer', organizationId: 'org-1', roles: ['peer_worker'] };
  let w1: string;
  let w2: string;

  const all = async (actor: Actor) => {
    const items: NotificationItem[] = [];
    let cursor: string | null = null;
    do {
      const page = await listNotifications(db(), actor, { limit: 2, cursor });
      for (const n of page.items) items.push(n);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  };
  const kinds = async (actor: Actor) =>
    (await all(actor)).map((n) => `${n.kind}:${n.workerId}${n.conflictId ? `:${n.conflictId}` : ''}`).sort();

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 2, flagged: 0 });
    [w1, w2] = org.workerIds as [string, string];
    await aMember(db(), 'org-1', 'u-owner', 'supervisor');
    await aMember(db(), 'org-1', 'u-by', 'supervisor');
    await aMember(db(), 'org-1', 'u-peer', 'peer_worker');
    await db()
      .insertInto('organization')
      .values({ id: 'org-2', name: 'Other Trust', created_at: new Date().toISOString() })
      .execute();
    await aMember(db(), 'org-2', 'u-other', 'supervisor');
    const now = new Date().toISOString();
    await db()
      .insertInto('peer_worker_account')
      .values({ peer_worker_id: w2, user_id: 'u-peer', organization_id: 'org-1', created_at: now })
      .execute();
    // w-2 was supervised five days ago; w-1 never, since starting in 2024: supervision is overdue.
    await db()
      .insertInto('supervision_session')
      .values({
        id: 's-w2',
        organization_id: 'org-1',
        peer_worker_id: w2,
        supervisor_user_id: 'u-sup',
        held_on: addDays(TODAY, -5),
        kind: 'individual',
        minutes: 30,
        private_notes: null,
        created_at: now,
      })
      .execute();
    // An action about w-2, handed to a colleague, due three days ago.
    await db()
      .insertInto('action_item')
      .values({
        id: 'act-1',
        organization_id: 'org-1',
        peer_worker_id: w2,
        card_response_id: null,
        card_id: null,
        title: 'Synthetic follow-up',
        owner_user_id: 'u-owner',
        owner_unit_id: null,
        due_on: addDays(TODAY, -3),
        completed_at: null,
        completed_by: null,
        outcome: null,
        outcome_note: null,
        created_at: now,
      })
      .execute();
    // Without the ward's "not invited to team meetings" nobody starts with a severe conflict.
    await db().deleteFrom('observation').where('id', '=', 'unit-obs-1').execute();
    await db()
      .transaction()
      .execute((trx) => refreshStoredAssessments(trx, 'org-1', { organization: true }, TODAY));
  });
  afterAll(() => mdb.close());

  it('adds supervision due and action overdue once, for the supervisor and the owner only', async () => {
    const [first, second] = await Promise.all([
      sweepNotifications(db(), TODAY),
      sweepNotifications(db(), TODAY),
    ]);
    expect(first.added + second.added).toBe(2);
    expect((await sweepNotifications(db(), TODAY)).added).toBe(0);
    expect(await kinds(org.supervisor)).toEqual([`action_overdue:${w2}`, `supervision_due:${w1}`]);
    const owned = await all(owner);
    expect(owned.map((n) => n.kind)).toEqual(['action_overdue']);
    expect(owned[0]).toMatchObject({ workerId: w2, actionId: 'act-1', supervisesWorker: false, read: false });
    for (const nobody of [bystander, outsider, peer, org.admin]) {
      expect(await all(nobody)).toEqual([]);
      expect(await countUnreadNotifications(db(), nobody)).toBe(0);
    }
    expect(await countUnreadNotifications(db(), org.supervisor)).toBe(2);
    expect(await countUnreadNotifications(db(), owner)).toBe(1);
  });

  it("starts a notification when a refresh moves a conflict to severe, for the PSW's supervisor only", async () => {
    const before = await kinds(org.supervisor);
    const now = new Date().toISOString();
    const signs: [string, number][] = [
      ['seen_as_former_patient', 5],
      ['self_stigma', 5],
      ['witnesses_disrespect_to_service_users', 3],
    ];
    await db()
      .insertInto('observation')
      .values(
        signs.flatMap(([indicator, value], j) =>
          [-8, -4, -2].map((d, k) => ({
            id: `sev-${j}-${k}`,
            organization_id: 'org-1',
            peer_worker_id: w1,
            unit_id: null,
            indicator,
            value,
            observed_at: addDays(TODAY, d),
            source: 'supervision' as const,
            source_ref: null,
            recorded_by: 'u-sup',
            note: null,
            session_id: null,
            created_at: now,
          })),
        ),
      )
      .execute();
    await db()
      .transaction()
      .execute((trx) => refreshStoredAssessments(trx, 'org-1', { workerIds: [w1] }, TODAY));
    // Refreshing again with the conflict still severe adds nothing.
    await db()
      .transaction()
      .execute((trx) => refreshStoredAssessments(trx, 'org-1', { workerIds: [w1] }, TODAY));
    const after = await kinds(org.supervisor);
    expect(after).toEqual([...before, `conflict_severe:${w1}:staff_member_vs_expert_by_experience`].sort());
    for (const nobody of [owner, bystander, outsider, peer, org.admin])
      expect((await all(nobody)).filter((n) => n.kind === 'conflict_severe')).toEqual([]);
  });

  it('keeps read marks per member and refuses marks on what the actor may not see', async () => {
    const mine = await all(org.supervisor);
    const overdue = mine.find((n) => n.kind === 'action_overdue') as NotificationItem;
    const unreadBefore = await countUnreadNotifications(db(), org.supervisor);
    expect((await markNotificationRead(db(), org.supervisor, { notificationId: overdue.id })).unread).toBe(
      unreadBefore - 1,
    );
    // Again is a no-op; the owner's mark is their own.
    expect((await markNotificationRead(db(), org.supervisor, { notificationId: overdue.id })).unread).toBe(
      unreadBefore - 1,
    );
    expect(await countUnreadNotifications(db(), owner)).toBe(1);
    expect(
      (await listNotifications(db(), org.supervisor, { unreadOnly: true })).items.map((n) => n.id),
    ).not.toContain(overdue.id);
    const severe = mine.find((n) => n.kind === 'conflict_severe') as NotificationItem;
    for (const intruder of [owner, bystander, outsider, peer, org.admin])
      expect(await codeOf(markNotificationRead(db(), intruder, { notificationId: severe.id }))).toBe(
        'not_found',
      );
    expect(await codeOf(markNotificationRead(db(), org.supervisor, { notificationId: 'no-such' }))).toBe(
      'not_found',
    );
    const reads = await db().selectFrom('notification_read').select('user_id').execute();
    expect(reads.map((r) => r.user_id)).toEqual(['u-sup']);
    expect(await codeOf(markNotificationRead(db(), org.supervisor, { notificationId: '' }))).toBe(
      'invalid_input',
    );
  });

  it('audits each page shown, naming the PSWs on it', async () => {
    const page = await listNotifications(db(), org.supervisor, { limit: 100 });
    const event = await db()
      .selectFrom('audit_event')
      .select(['details', 'entity_id'])
      .where('action', '=', 'notifications.view')
      .where('actor_user_id', '=', 'u-sup')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(event.entity_id).toBe('u-sup');
    const details = JSON.parse(event.details) as { shown: number; workerIds: string[] };
    expect(details.shown).toBe(page.items.length);
    expect(details.workerIds.sort()).toEqual([w1, w2].sort());
    expect(await codeOf(listNotifications(db(), org.supervisor, { cursor: 'garbage' }))).toBe(
      'invalid_input',
    );
    expect(await codeOf(listNotifications(db(), org.supervisor, { limit: 1000 }))).toBe('invalid_input');
  });

  it('resolves conditions that ended: the count drops, the history stays', async () => {
    await db()
      .updateTable('action_item')
      .set({
        status: 'done',
        outcome: 'done',
        completed_at: new Date().toISOString(),
        completed_by: 'u-owner',
      })
      .where('id', '=', 'act-1')
      .execute();
    const sweep = await sweepNotifications(db(), TODAY);
    expect(sweep.resolved).toBe(1);
    expect(await countUnreadNotifications(db(), owner)).toBe(0);
    const owned = await all(owner);
    expect(owned).toHaveLength(1);
    expect(owned[0]?.resolvedOn).toBe(TODAY);
  });

  it('claims one digest per member and day, whoever asks', async () => {
    const recipients = await digestRecipients(db());
    expect(recipients.map((r) => [r.userId, r.unread])).toEqual([['u-sup', 2]]);
    const claims = await Promise.all([
      claimDigest(db(), 'u-sup', TODAY, 2),
      claimDigest(db(), 'u-sup', TODAY, 2),
      claimDigest(db(), 'u-sup', TODAY, 2),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimDigest(db(), 'u-sup', addDays(TODAY, 1), 2)).toBe(true);
    const text = digestMessage(2, 'https://peerbridge.example.test/').text;
    expect(text).toContain('You have 2 items in PeerBridge.');
    expect(text).toContain('V PeerBridge máte 2 položky.');
    expect(text).toContain('https://peerbridge.example.test/notifications');
    expect(digestMessage(1, 'http://x.test').text).toContain('You have 1 item in PeerBridge.');
    expect(digestMessage(5, 'http://x.test').text).toContain('máte 5 položek');
  });

  it('marks all read at once, and a supervisor of another organisation marks nothing', async () => {
    expect((await markAllNotificationsRead(db(), outsider)).marked).toBe(0);
    const result = await markAllNotificationsRead(db(), org.supervisor);
    expect(result.unread).toBe(0);
    expect(await countUnreadNotifications(db(), org.supervisor)).toBe(0);
    expect(await countUnreadNotifications(db(), owner)).toBe(0);
  });
});
