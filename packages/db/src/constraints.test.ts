import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anOrganization,
  aUnit,
  aUser,
  aWorker,
  type MigratedTestDatabase,
  openMigratedTestDatabase,
} from './migrated-test-database';
import { appendAuditEvents } from './repositories/audit.repository';

const NOW = '2026-11-26T09:00:00.000Z';

describe.each(testDialects())('schema constraints on %s', (dialect) => {
  let t: MigratedTestDatabase;
  let orgId: string;
  let unitId: string;
  let workerId: string;
  let userId: string;

  beforeAll(async () => {
    t = await openMigratedTestDatabase(dialect);
    orgId = await anOrganization(t.db);
    unitId = await aUnit(t.db, orgId);
    workerId = await aWorker(t.db, orgId, unitId);
    userId = await aUser(t.db);
  });
  afterAll(() => t.close());

  const observation = (overrides: Record<string, unknown>) => ({
    id: randomUUID(),
    organization_id: orgId,
    peer_worker_id: workerId,
    unit_id: null,
    indicator: 'exhaustion',
    value: 3,
    observed_at: '2026-11-01',
    source: 'supervision' as const,
    created_at: NOW,
    ...overrides,
  });

  it('fills organisation defaults: cadence 28 days, k = 5, English, not a demo', async () => {
    const org = await t.db
      .selectFrom('organization')
      .selectAll()
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      supervision_cadence_days: 28,
      small_cell_k: 5,
      default_language: 'en',
      is_demo: 0,
    });
  });

  it('refuses a small-cell k outside 3..10 and an unknown language', async () => {
    await expect(
      t.db
        .insertInto('organization')
        .values({ id: randomUUID(), name: 'k2', small_cell_k: 2, created_at: NOW } as never)
        .execute(),
    ).rejects.toThrow(/organization_small_cell_k_range/);
    await expect(
      t.db
        .insertInto('organization')
        .values({ id: randomUUID(), name: 'de', default_language: 'de' as never, created_at: NOW })
        .execute(),
    ).rejects.toThrow(/organization_language/);
  });

  it('refuses an observation about both a worker and a unit, or about neither', async () => {
    await expect(
      t.db
        .insertInto('observation')
        .values(observation({ unit_id: unitId }))
        .execute(),
    ).rejects.toThrow(/observation_exactly_one_subject/);
    await expect(
      t.db
        .insertInto('observation')
        .values(observation({ peer_worker_id: null }))
        .execute(),
    ).rejects.toThrow(/observation_exactly_one_subject/);
    await t.db
      .insertInto('observation')
      .values(observation({ peer_worker_id: null, unit_id: unitId }))
      .execute();
  });

  it('refuses an unknown observation source and a malformed date', async () => {
    await expect(
      t.db
        .insertInto('observation')
        .values(observation({ source: 'gossip' }))
        .execute(),
    ).rejects.toThrow(/observation_source/);
    await expect(
      t.db
        .insertInto('observation')
        .values(observation({ observed_at: '1.11.2026' }))
        .execute(),
    ).rejects.toThrow(/observation_observed_at_date/);
  });

  it('refuses an observation for a worker that does not exist (foreign key)', async () => {
    await expect(
      t.db
        .insertInto('observation')
        .values(observation({ peer_worker_id: randomUUID() }))
        .execute(),
    ).rejects.toThrow(/foreign key/i);
  });

  it('requires a reason when a card is overridden', async () => {
    const response = (decision: 'accepted' | 'overridden', reason: string | null) => ({
      id: randomUUID(),
      organization_id: orgId,
      peer_worker_id: workerId,
      card_id: 'wellbeing_check',
      as_of: '2026-11-26',
      decision,
      reason,
      responded_by: userId,
      responded_at: NOW,
    });
    await expect(
      t.db.insertInto('card_response').values(response('overridden', null)).execute(),
    ).rejects.toThrow(/card_response_override_reason/);
    await expect(
      t.db.insertInto('card_response').values(response('overridden', '   ')).execute(),
    ).rejects.toThrow(/card_response_override_reason/);
    await t.db
      .insertInto('card_response')
      .values(response('overridden', 'Discussed last week already'))
      .execute();
    await t.db.insertInto('card_response').values(response('accepted', null)).execute();
  });

  it('refuses a second membership with the same organisation, user and role', async () => {
    const row = () => ({
      id: randomUUID(),
      organization_id: orgId,
      user_id: userId,
      role: 'supervisor' as const,
      created_at: NOW,
    });
    await t.db.insertInto('membership').values(row()).execute();
    await expect(t.db.insertInto('membership').values(row()).execute()).rejects.toThrow(/unique|duplicate/i);
    await t.db
      .insertInto('membership')
      .values({ ...row(), role: 'admin' })
      .execute();
  });

  it('takes the peer_worker role, refuses an unknown one, and links one account to one PSW (ADR 0031)', async () => {
    const member = (role: string) => ({
      id: randomUUID(),
      organization_id: orgId,
      user_id: userId,
      role,
      created_at: NOW,
    });
    await t.db
      .insertInto('membership')
      .values(member('peer_worker') as never)
      .execute();
    await expect(
      t.db
        .insertInto('membership')
        .values(member('owner') as never)
        .execute(),
    ).rejects.toThrow(/check/i);
    const other = await aUser(t.db);
    const link = (user: string, worker: string) => ({
      organization_id: orgId,
      user_id: user,
      peer_worker_id: worker,
      created_at: NOW,
    });
    await t.db.insertInto('peer_worker_account').values(link(userId, workerId)).execute();
    // The same PSW for a second account, and a second PSW for the same account, are both refused.
    await expect(
      t.db.insertInto('peer_worker_account').values(link(other, workerId)).execute(),
    ).rejects.toThrow(/unique|duplicate/i);
    const secondWorker = await aWorker(t.db, orgId, unitId);
    await expect(
      t.db.insertInto('peer_worker_account').values(link(userId, secondWorker)).execute(),
    ).rejects.toThrow(/unique|duplicate|primary/i);
  });

  it('refuses to assign the same supervisor to the same worker twice', async () => {
    const row = {
      organization_id: orgId,
      supervisor_user_id: userId,
      peer_worker_id: workerId,
      since: '2026-01-01',
    };
    await t.db.insertInto('supervisor_assignment').values(row).execute();
    await expect(t.db.insertInto('supervisor_assignment').values(row).execute()).rejects.toThrow(
      /unique|duplicate/i,
    );
  });

  it('refuses to delete a unit that still has workers', async () => {
    await expect(t.db.deleteFrom('unit').where('id', '=', unitId).execute()).rejects.toThrow(/foreign key/i);
  });

  it('keeps the audit log append-only: UPDATE and DELETE are refused', async () => {
    const [event] = await appendAuditEvents(t.db, orgId, [
      { actorUserId: userId, action: 'worker.read', entityType: 'peer_worker', entityId: workerId, at: NOW },
    ]);
    const id = event?.id as string;
    await expect(
      t.db.updateTable('audit_event').set({ action: 'nothing.happened' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_event').where('id', '=', id).execute()).rejects.toThrow(
      /append-only/,
    );
    if (dialect === 'postgres') {
      await expect(sql`truncate audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
    }
    const kept = await t.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(kept).toEqual({ action: 'worker.read', details: '{}' });
  });

  it('refuses an event written past the chain: no place, no hash, or beyond the head', async () => {
    const row = {
      organization_id: orgId,
      actor_user_id: userId,
      action: 'worker.read',
      entity_type: 'peer_worker',
      entity_id: workerId,
      at: NOW,
      chain: orgId,
    };
    const head = await t.db
      .selectFrom('audit_chain_head')
      .select(['seq', 'hash'])
      .where('chain', '=', orgId)
      .executeTakeFirstOrThrow();
    const fake = 'f'.repeat(64);
    for (const bad of [
      { seq: 0, prev_hash: fake, hash: fake },
      { seq: head.seq + 1, prev_hash: head.hash, hash: fake },
      { seq: head.seq + 1, prev_hash: '', hash: '' },
    ]) {
      await expect(
        t.db
          .insertInto('audit_event')
          .values({ ...row, ...bad, id: randomUUID() })
          .execute(),
      ).rejects.toThrow(/does not fit the chain/);
    }
    await expect(
      t.db.updateTable('audit_chain_head').set({ seq: 0 }).where('chain', '=', orgId).execute(),
    ).rejects.toThrow(/only moves forward/);
    await expect(t.db.deleteFrom('audit_chain_head').where('chain', '=', orgId).execute()).rejects.toThrow(
      /refused/,
    );
  });

  it('refuses a second import of the same file into the same study', async () => {
    const studyId = randomUUID();
    await t.db
      .insertInto('study')
      .values({
        id: studyId,
        organization_id: orgId,
        name: 'Roles study',
        owner_user_id: userId,
        created_at: NOW,
      })
      .execute();
    const run = () => ({
      id: randomUUID(),
      study_id: studyId,
      file_name: 'interviews.qdpx',
      file_sha256: 'a'.repeat(64),
      format: 'qdpx',
      status: 'succeeded' as const,
      started_at: NOW,
      finished_at: NOW,
    });
    await t.db.insertInto('import_run').values(run()).execute();
    await expect(t.db.insertInto('import_run').values(run()).execute()).rejects.toThrow(/unique|duplicate/i);
  });
});
