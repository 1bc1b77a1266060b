/** Migration 2026-12-03-1501 keeps every existing action: catalog titles become card ids, typed titles stay. */
import { createTestDatabase, testDialects } from '@peerbridge/testing';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './connection';
import { migrateToLatest } from './migrate';
import { anOrganization, aUnit, aUser, aWorker } from './migrated-test-database';
import { migrations } from './migrations';

const NOW = '2026-11-26T09:00:00.000Z';

describe.each(testDialects())('the action owners and outcomes migration on %s', (dialect) => {
  let drop: () => Promise<void>;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    const tdb = await createTestDatabase(dialect);
    drop = tdb.drop;
    handle = await openDatabase({ url: tdb.url });
  });
  afterAll(async () => {
    await handle.destroy();
    await drop();
  });

  it('reads catalog titles from the card, keeps typed ones, and gives done actions the outcome done', async () => {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('2026-12-02-901-worker-assessment');
    expect(before.error).toBeUndefined();
    const db = handle.db as any;
    const org = await anOrganization(handle.db);
    const unit = await aUnit(handle.db, org);
    const worker = await aWorker(handle.db, org, unit);
    const user = await aUser(handle.db);
    const response = (id: string, cardId: string) => ({
      id,
      organization_id: org,
      peer_worker_id: worker,
      card_id: cardId,
      as_of: '2026-11-26',
      decision: 'accepted',
      reason: null,
      responded_by: user,
      responded_at: NOW,
    });
    await db
      .insertInto('card_response')
      .values([
        response('r1', 'team_education'),
        response('r2', 'team_education'),
        response('r3', 'keep_going'),
      ])
      .execute();
    const action = (id: string, responseId: string | null, title: string, done: boolean) => ({
      id,
      organization_id: org,
      peer_worker_id: worker,
      card_response_id: responseId,
      title,
      owner_user_id: user,
      due_on: '2026-12-10',
      status: done ? 'done' : 'open',
      completed_at: done ? NOW : null,
      created_at: NOW,
    });
    await db
      .insertInto('action_item')
      .values([
        action(
          'english',
          'r1',
          'Train the team on what peer workers do and how to work alongside them as equal colleagues.',
          false,
        ),
        action(
          'czech',
          'r2',
          'Proškolte tým v tom, co peer pracovníci dělají a jak s nimi spolupracovat jako s rovnocennými kolegy.',
          true,
        ),
        action('typed', 'r3', 'Ask Dana about the Friday handover', false),
        action('free', null, 'Call the ward manager', false),
      ])
      .execute();

    await migrateToLatest(handle);
    const rows = await handle.db
      .selectFrom('action_item')
      .select(['id', 'card_id', 'title', 'status', 'outcome', 'owner_unit_id'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        id: 'czech',
        card_id: 'team_education',
        title: null,
        status: 'done',
        outcome: 'done',
        owner_unit_id: null,
      },
      {
        id: 'english',
        card_id: 'team_education',
        title: null,
        status: 'open',
        outcome: null,
        owner_unit_id: null,
      },
      {
        id: 'free',
        card_id: null,
        title: 'Call the ward manager',
        status: 'open',
        outcome: null,
        owner_unit_id: null,
      },
      {
        id: 'typed',
        card_id: 'keep_going',
        title: 'Ask Dana about the Friday handover',
        status: 'open',
        outcome: null,
        owner_unit_id: null,
      },
    ]);
    // A closed action without an outcome, or an action with neither card nor title, is refused.
    await expect(
      handle.db
        .updateTable('action_item')
        .set({ status: 'done', completed_at: NOW })
        .where('id', '=', 'free')
        .execute(),
    ).rejects.toThrow();
    await expect(
      handle.db.updateTable('action_item').set({ title: null }).where('id', '=', 'free').execute(),
    ).rejects.toThrow();
  });
});
