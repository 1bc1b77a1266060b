/**
 * Team actions (ADR 0042), on both dialects: a card of the published team view accepted by an admin
 * (for the organisation or a unit) or by a supervisor of the unit, idempotent, audited without any PSW;
 * listed a page at a time for those who may see it, closed with an outcome and reopened, with history;
 * and the refusals: a supervisor of no PSW on the unit, the organisation as a whole for a supervisor,
 * a researcher, another organisation, bad dates and periods (nothing written).
 */
import { publishedCardIds } from '@peerbridge/domain';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { addDays } from '../dates';
import { todayIso } from '../db';
import { aMember } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { refusalOf } from '../test-support/refusal';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { acceptTeamCard } from './accept-team-card';
import { publishOrganizationSnapshots } from './publish-snapshots';
import { completeTeamAction, listTeamActions, reopenTeamAction } from './team-actions';

const refusal = refusalOf;

describe.each(testDialects())('team actions on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;
  const due = addDays(todayIso(), 14);
  const idle: Actor = { userId: 'u-sup2', organizationId: 'org-1', roles: ['supervisor'] };
  const researcher: Actor = { userId: 'u-res', organizationId: 'org-1', roles: ['researcher'] };
  const outsider: Actor = { userId: 'u-other', organizationId: 'org-2', roles: ['admin'] };
  const teamActionRows = async () => db().selectFrom('team_action').select('id').execute();

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 6, flagged: 2, k: 5 });
    await aMember(db(), 'org-1', 'u-sup2', 'supervisor');
    await aMember(db(), 'org-1', 'u-res', 'researcher');
    await db()
      .insertInto('organization')
      .values({ id: 'org-2', name: 'Other Trust', created_at: new Date().toISOString() })
      .execute();
    await aMember(db(), 'org-2', 'u-other', 'admin');
    await publishOrganizationSnapshots(db(), 'org-1', '2026-12-02');
  });
  afterAll(() => mdb.close());

  it('turns a unit card accepted by its supervisor into the team’s action, once per request id, audited without any PSW', async () => {
    const input = {
      requestId: '6f1c2a7e-1d1b-4c55-9a53-3c4c1f0a0001',
      period: '2026-11',
      unitId: org.unitId,
      cardId: 'team_education' as const,
      dueOn: due,
    };
    const first = await acceptTeamCard(db(), org.supervisor, input);
    // A double submit gets the first answer and writes nothing more.
    expect(await acceptTeamCard(db(), org.supervisor, input)).toEqual(first);
    const rows = await db()
      .selectFrom('team_action')
      .selectAll()
      .where('id', '=', first.teamActionId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ unit_id: 'unit-1', card_id: 'team_education', owner_user_id: 'u-sup' });
    // Another submit of the same card for the same team while it is open is a conflict, not a second action.
    expect(await refusal(acceptTeamCard(db(), org.supervisor, { ...input, requestId: undefined }))).toEqual({
      code: 'conflict',
      fields: [],
    });
    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'details'])
      .where('action', '=', 'team_card.accept')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entity_id).toBe(first.teamActionId);
    const details = JSON.parse(audit[0]?.details ?? '{}') as Record<string, unknown>;
    expect(Object.keys(details).sort()).toEqual(['cardId', 'dueOn', 'ownerUserId', 'period', 'unitId']);
    expect(JSON.stringify(details)).not.toMatch(/w-\d/);

    const page = await listTeamActions(db(), org.supervisor);
    expect(page.items).toEqual([
      expect.objectContaining({
        id: first.teamActionId,
        cardId: 'team_education',
        unit: { unitId: 'unit-1', unitName: 'Ward C' },
        period: '2026-11',
        owner: { userId: 'u-sup', name: 'u-sup' },
        dueOn: due,
        status: 'open',
      }),
    ]);
    expect(Object.keys(page.items[0] ?? {})).not.toContain('workerId');
  });

  it('lets an admin accept for the organisation and hand it on; a supervisor sees a unit’s actions, not the organisation’s', async () => {
    const { teamActionId } = await acceptTeamCard(db(), org.admin, {
      period: '2026-11',
      cardId: 'define_psw_position',
      ownerUserId: 'u-sup2',
      dueOn: due,
    });
    const adminView = await listTeamActions(db(), org.admin);
    expect(adminView.items.find((a) => a.id === teamActionId)).toMatchObject({ unit: null });
    // The member it was handed to sees it; the unit's supervisor does not (it is not their unit's).
    expect((await listTeamActions(db(), idle)).items.map((a) => a.id)).toEqual([teamActionId]);
    expect((await listTeamActions(db(), org.supervisor)).items.map((a) => a.id)).not.toContain(teamActionId);
    expect(
      await refusal(completeTeamAction(db(), org.supervisor, { actionId: teamActionId, outcome: 'done' })),
    ).toEqual({ code: 'not_found', fields: [] });
  });

  it('refuses whoever may not accept, and bad input by its field, writing nothing', async () => {
    const before = (await teamActionRows()).length;
    const card = { period: '2026-11', cardId: 'team_education' as const, dueOn: due };
    expect(await refusal(acceptTeamCard(db(), idle, { ...card, unitId: org.unitId }))).toEqual({
      code: 'not_found',
      fields: [],
    });
    expect(await refusal(acceptTeamCard(db(), org.supervisor, card))).toEqual({
      code: 'not_found',
      fields: [],
    });
    expect(await refusal(acceptTeamCard(db(), researcher, { ...card, unitId: org.unitId }))).toEqual({
      code: 'forbidden',
      fields: [],
    });
    expect(await refusal(acceptTeamCard(db(), outsider, { ...card, unitId: org.unitId }))).toEqual({
      code: 'not_found',
      fields: [],
    });
    expect(await refusal(acceptTeamCard(db(), org.admin, { ...card, dueOn: '2020-01-01' }))).toEqual({
      code: 'invalid_input',
      fields: ['dueOn'],
    });
    expect(await refusal(acceptTeamCard(db(), org.admin, { ...card, period: '2031-01' }))).toEqual({
      code: 'invalid_input',
      fields: ['period'],
    });
    expect(await refusal(acceptTeamCard(db(), org.admin, { ...card, ownerUserId: 'u-other' }))).toEqual({
      code: 'invalid_input',
      fields: ['ownerUserId'],
    });
    expect(
      await refusal(acceptTeamCard(db(), org.admin, { ...card, cardId: 'boundary_strategies' as never })),
    ).toMatchObject({ code: 'invalid_input', fields: ['cardId'] });
    expect(publishedCardIds).not.toContain('boundary_strategies');
    expect((await teamActionRows()).length).toBe(before);
    expect(await refusal(listTeamActions(db(), researcher))).toEqual({ code: 'forbidden', fields: [] });
  });

  it('closes with an outcome and a note, reopens, keeps both in the history, and pages the list', async () => {
    const { teamActionId } = await acceptTeamCard(db(), org.admin, {
      period: '2026-11',
      unitId: org.unitId,
      cardId: 'equal_working_conditions',
      dueOn: addDays(due, 1),
    });
    const closed = await completeTeamAction(db(), org.supervisor, {
      actionId: teamActionId,
      outcome: 'did_not_help',
      note: 'The desk came, nobody used it',
    });
    expect(closed).toMatchObject({ status: 'done', outcome: 'did_not_help', completedByName: 'u-sup' });
    expect(
      await refusal(completeTeamAction(db(), org.admin, { actionId: teamActionId, outcome: 'done' })),
    ).toEqual({ code: 'conflict', fields: [] });
    const open = await reopenTeamAction(db(), org.admin, { actionId: teamActionId });
    expect(open).toMatchObject({ status: 'open', outcome: null, outcomeNote: null });
    const history = await db()
      .selectFrom('team_action_event')
      .select(['kind', 'outcome', 'note', 'actor_user_id'])
      .where('team_action_id', '=', teamActionId)
      .orderBy('at')
      .orderBy('kind')
      .execute();
    expect(history.map((h) => [h.kind, h.outcome, h.note, h.actor_user_id])).toEqual([
      ['assigned', null, null, 'u-admin'],
      ['closed', 'did_not_help', 'The desk came, nobody used it', 'u-sup'],
      ['reopened', null, null, 'u-admin'],
    ]);
    const audit = await db()
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'team_action.complete')
      .where('entity_id', '=', teamActionId)
      .executeTakeFirstOrThrow();
    expect(audit.details).not.toContain('desk');
    // Pages of one: every open action once, soonest due first.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTeamActions(db(), org.admin, { limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(1);
      for (const a of page.items) seen.push(a.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = await listTeamActions(db(), org.admin, { status: 'open', limit: 200 });
    expect(seen).toEqual(all.items.map((a) => a.id));
    expect(seen).toContain(teamActionId);
    expect(await refusal(listTeamActions(db(), org.admin, { limit: 201 }))).toMatchObject({
      code: 'invalid_input',
      fields: ['limit'],
    });
  });
});
