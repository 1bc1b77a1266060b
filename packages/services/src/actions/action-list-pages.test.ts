/**
 * The actions list a page at a time (issue 10), on both dialects: keyset on (due date, id), undated
 * actions after every dated one on both dialects, and an action closed between two pages neither
 * shifts the next page (no row skipped, none twice) nor reappears. A forged cursor is refused by name.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { completeAction, listActions } from './action-items';

const DUE = ['2026-12-05', null, '2026-12-01', '2026-12-05', null, '2026-12-20', '2026-12-01'];

describe.each(testDialects())('the actions list in pages on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 2, flagged: 0 });
    await db()
      .insertInto('action_item')
      .values(
        DUE.map((due, i) => ({
          id: `act-${String(i).padStart(2, '0')}`,
          organization_id: 'org-1',
          peer_worker_id: org.workerIds[i % 2] as string,
          card_response_id: null,
          card_id: null,
          title: `Synthetic action ${i}`,
          owner_user_id: 'u-sup',
          owner_unit_id: null,
          due_on: due,
          outcome: null,
          outcome_note: null,
          completed_at: null,
          completed_by: null,
          created_at: '2026-11-20T10:00:00.000Z',
        })),
      )
      .execute();
  });
  afterAll(() => mdb.close());

  const expectedOrder = DUE.map((due, i) => ({ due: due ?? '9999', id: `act-${String(i).padStart(2, '0')}` }))
    .sort((a, b) => (a.due === b.due ? (a.id < b.id ? -1 : 1) : a.due < b.due ? -1 : 1))
    .map((a) => a.id);

  it('pages through every open action by due date, undated last, each once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listActions(db(), org.supervisor, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const item of page.items) seen.push(item.id);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(seen).toEqual(expectedOrder);
    expect(pages).toBe(4);
  });

  it('does not skip or repeat a row when an action shown on page one is closed before page two', async () => {
    const first = await listActions(db(), org.supervisor, { limit: 3 });
    expect(first.items.map((i) => i.id)).toEqual(expectedOrder.slice(0, 3));
    await completeAction(db(), org.supervisor, { actionId: expectedOrder[0] as string, outcome: 'done' });
    const rest = await listActions(db(), org.supervisor, { limit: 10, cursor: first.nextCursor });
    expect(rest.items.map((i) => i.id)).toEqual(expectedOrder.slice(3));
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses a cursor that is not one it gave, naming the field, and a limit over the cap', async () => {
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) =>
          e instanceof ServiceError ? { code: e.code, fields: e.issues.map((i) => i.path) } : e,
      );
    const forged = Buffer.from(JSON.stringify([3])).toString('base64url');
    expect(await refusal(listActions(db(), org.supervisor, { cursor: forged }))).toEqual({
      code: 'invalid_input',
      fields: ['cursor'],
    });
    expect(await refusal(listActions(db(), org.supervisor, { limit: 201 }))).toEqual({
      code: 'invalid_input',
      fields: ['limit'],
    });
  });
});
