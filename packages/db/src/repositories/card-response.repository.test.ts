import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anOrganization,
  aUnit,
  aUser,
  aWorker,
  type MigratedTestDatabase,
  openMigratedTestDatabase,
} from '../migrated-test-database';
import { withTransaction } from '../transaction';
import { createActionItem, listActionItems, setActionItemStatus } from './action-item.repository';
import { appendAuditEvent, listAuditEvents } from './audit.repository';
import { countCardResponses, listCardResponses, recordCardResponse } from './card-response.repository';

describe.each(testDialects())('card responses and action items on %s', (dialect) => {
  let t: MigratedTestDatabase;
  let org: string;
  let otherOrg: string;
  let worker: string;
  let sup: string;

  beforeAll(async () => {
    t = await openMigratedTestDatabase(dialect);
    org = await anOrganization(t.db);
    otherOrg = await anOrganization(t.db);
    worker = await aWorker(t.db, org, await aUnit(t.db, org));
    sup = await aUser(t.db);
  });
  afterAll(() => t.close());

  it('accepts a card into an action item and an audit event, in one transaction', async () => {
    const { response, item } = await withTransaction(t.db, async (trx) => {
      const response = await recordCardResponse(trx, org, {
        peerWorkerId: worker,
        cardId: 'boundary_strategies',
        asOf: '2026-11-20',
        decision: 'accepted',
        respondedBy: sup,
      });
      const item = await createActionItem(trx, org, {
        peerWorkerId: worker,
        cardResponseId: response.id,
        title: 'Set up a work phone',
        ownerUserId: sup,
        dueOn: '2026-12-10',
      });
      await appendAuditEvent(trx, org, {
        actorUserId: sup,
        action: 'card.accepted',
        entityType: 'card_response',
        entityId: response.id,
      });
      return { response, item };
    });
    expect(response).toMatchObject({ decision: 'accepted', reason: null, cardId: 'boundary_strategies' });
    expect(await listActionItems(t.db, org, { peerWorkerId: worker })).toEqual([item]);
    expect((await listAuditEvents(t.db, org)).events.map((e) => e.entityId)).toEqual([response.id]);
  });

  it('rolls the response back when a later write in the transaction fails', async () => {
    await expect(
      withTransaction(t.db, async (trx) => {
        await recordCardResponse(trx, org, {
          peerWorkerId: worker,
          cardId: 'wellbeing_check',
          asOf: '2026-11-20',
          decision: 'accepted',
          respondedBy: sup,
        });
        await createActionItem(trx, org, {
          peerWorkerId: worker,
          title: 'Owner missing',
          ownerUserId: 'no-such-user',
        });
      }),
    ).rejects.toThrow(/foreign key/i);
    expect(await listCardResponses(t.db, org, { cardId: 'wellbeing_check' })).toEqual([]);
  });

  it('requires a reason to override, and counts decisions per card', async () => {
    await expect(
      recordCardResponse(t.db, org, {
        peerWorkerId: worker,
        cardId: 'keep_going',
        asOf: '2026-11-20',
        decision: 'overridden',
        reason: '  ',
        respondedBy: sup,
      }),
    ).rejects.toThrow('Card keep_going: overriding a card needs a reason');
    await recordCardResponse(t.db, org, {
      peerWorkerId: worker,
      cardId: 'boundary_strategies',
      asOf: '2026-11-21',
      decision: 'overridden',
      reason: ' Already agreed with the team ',
      respondedBy: sup,
    });
    const counts = await countCardResponses(t.db, org);
    expect(counts).toEqual([{ cardId: 'boundary_strategies', accepted: 1, overridden: 1 }]);
    const listed = await listCardResponses(t.db, org, { peerWorkerId: worker });
    expect(listed.map((r) => r.reason)).toContain('Already agreed with the team');
    expect(await countCardResponses(t.db, otherOrg)).toEqual([]);
  });

  it('completes and reopens action items, open ones listed first', async () => {
    const later = await createActionItem(t.db, org, {
      peerWorkerId: worker,
      title: 'No due date',
      ownerUserId: sup,
    });
    const [first] = await listActionItems(t.db, org, { status: 'open' });
    const done = await setActionItemStatus(t.db, org, first!.id, 'done');
    expect(done?.status).toBe('done');
    expect(done?.completedAt).toMatch(/Z$/);
    const all = await listActionItems(t.db, org);
    expect(all.map((i) => i.status)).toEqual(['open', 'done']);
    expect(all[0]?.id).toBe(later.id);
    const reopened = await setActionItemStatus(t.db, org, first!.id, 'open');
    expect(reopened).toMatchObject({ status: 'open', completedAt: null });
    expect(await setActionItemStatus(t.db, otherOrg, first!.id, 'done')).toBeNull();
    expect((await listActionItems(t.db, org, { status: 'done' })).length).toBe(0);
  });
});
