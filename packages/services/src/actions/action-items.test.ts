/**
 * Actions that get done (ADR 0030), on both dialects: handed to another supervisor, who then sees and
 * closes it; a team's action; an outcome, a reopen and the history; the audit rows; and the attacks:
 * an owner id from another organisation, an action id from another organisation, a colleague who
 * neither supervises the PSW nor owns the action.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { answerCard } from '../cards/answer-card';
import { aMember } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { refusalOf } from '../test-support/refusal';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { addActionEvent, completeAction, listActionHistory, listActions, reopenAction } from './action-items';
import { listActionOwners } from './action-owners';

const failure = refusalOf;

describe.each(testDialects())('actions that get done on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;
  const colleague: Actor = { userId: 'u-sup2', organizationId: 'org-1', roles: ['supervisor'] };
  const bystander: Actor = { userId: 'u-sup3', organizationId: 'org-1', roles: ['supervisor'] };
  const outsider: Actor = { userId: 'u-other', organizationId: 'org-2', roles: ['supervisor'] };
  let workerId: string;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 2, flagged: 0 });
    workerId = org.workerIds[0] as string;
    await aMember(db(), 'org-1', 'u-sup2', 'supervisor');
    await aMember(db(), 'org-1', 'u-sup3', 'supervisor');
    await db()
      .insertInto('organization')
      .values({ id: 'org-2', name: 'Other Trust', created_at: new Date().toISOString() })
      .execute();
    await aMember(db(), 'org-2', 'u-other', 'supervisor');
  });
  afterAll(() => mdb.close());

  const accept = (
    cardId: 'equal_working_conditions' | 'supervision_focus_team_position' | 'team_education',
    extra: object,
  ) =>
    answerCard(db(), org.supervisor, {
      workerId,
      cardId,
      asOf: TODAY,
      decision: 'accepted',
      dueOn: '2026-12-10',
      ...extra,
    });

  it('offers the organisation’s supervisors and the PSW’s team as owners, and nobody from elsewhere', async () => {
    const options = await listActionOwners(db(), org.supervisor, { workerId });
    expect(options.members.map((m) => m.userId)).toEqual(['u-sup', 'u-sup2', 'u-sup3']);
    expect(options.team).toEqual({ unitId: 'unit-1', unitName: 'Ward C' });
    expect(await failure(listActionOwners(db(), outsider, { workerId }))).toEqual({
      code: 'not_found',
      fields: [],
    });
  });

  it('hands an action to another supervisor, who sees it, closes it with an outcome; the history and audit keep every step', async () => {
    const { actionItemId } = await accept('equal_working_conditions', { ownerUserId: 'u-sup2' });
    const actionId = actionItemId as string;
    // The new owner does not supervise the PSW, and sees the action all the same.
    const theirs = await listActions(db(), colleague);
    expect(theirs.items.map((i) => i.id)).toEqual([actionId]);
    expect(theirs.items[0]).toMatchObject({
      cardId: 'equal_working_conditions',
      title: null,
      owner: { kind: 'member', userId: 'u-sup2', name: 'u-sup2' },
      dueOn: '2026-12-10',
      supervisesWorker: false,
    });
    // The PSW's supervisor still sees it, as theirs to follow.
    expect((await listActions(db(), org.supervisor)).items.map((i) => i.id)).toContain(actionId);

    const closed = await completeAction(db(), colleague, {
      actionId,
      outcome: 'did_not_help',
      note: '  Desk still shared  ',
    });
    expect(closed).toMatchObject({
      status: 'done',
      outcome: 'did_not_help',
      outcomeNote: 'Desk still shared',
      completedBy: 'u-sup2',
    });
    expect(await failure(completeAction(db(), org.supervisor, { actionId, outcome: 'done' }))).toEqual({
      code: 'conflict',
      fields: [],
    });
    const reopened = await reopenAction(db(), org.supervisor, { actionId, note: 'Try a different room' });
    expect(reopened).toMatchObject({ status: 'open', outcome: null, outcomeNote: null, completedAt: null });
    expect(await failure(reopenAction(db(), org.supervisor, { actionId }))).toEqual({
      code: 'conflict',
      fields: [],
    });
    await completeAction(db(), colleague, { actionId, outcome: 'done' });

    const { items: history } = await listActionHistory(db(), org.supervisor, { actionId });
    expect(history.map((e) => [e.kind, e.outcome, e.note, e.actorUserId])).toEqual([
      ['assigned', null, null, 'u-sup'],
      ['closed', 'did_not_help', 'Desk still shared', 'u-sup2'],
      ['reopened', null, 'Try a different room', 'u-sup'],
      ['closed', 'done', null, 'u-sup2'],
    ]);
    expect(history[0]).toMatchObject({ ownerUserId: 'u-sup2', ownerUnitId: null, dueOn: '2026-12-10' });
    // A page at a time, oldest first: the pages put together are the whole history, nothing twice.
    const first = await listActionHistory(db(), org.supervisor, { actionId, limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await listActionHistory(db(), org.supervisor, {
      actionId,
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items]).toEqual(history);

    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'details'])
      .where('entity_type', '=', 'action_item')
      .where('entity_id', '=', actionId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_user_id, JSON.parse(a.details)])).toEqual([
      ['action.complete', 'u-sup2', { workerId, outcome: 'did_not_help', withNote: true }],
      ['action.reopen', 'u-sup', { workerId, previousOutcome: 'did_not_help', withNote: true }],
      ['action.complete', 'u-sup2', { workerId, outcome: 'done', withNote: false }],
    ]);
    // The notes are free text: no audit row carries them.
    expect(JSON.stringify(audit)).not.toMatch(/Desk|room/);
    const accepted = await db()
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'card.accept')
      .where('entity_type', '=', 'card_response')
      .execute();
    expect(accepted.map((a) => JSON.parse(a.details))).toContainEqual(
      expect.objectContaining({ actionItemId: actionId, ownerUserId: 'u-sup2', forTeam: false }),
    );
  });

  it('keeps the order of history events made in the same millisecond', async () => {
    const { actionItemId } = await accept('team_education', {});
    const actionId = actionItemId as string;
    const at = '2026-12-04T10:00:00.000Z';
    const kinds = ['closed', 'reopened', 'closed', 'reopened'] as const;
    for (const kind of kinds)
      await addActionEvent(db(), org.supervisor, { actionId, kind, outcome: null, note: kind, at });
    const { items } = await listActionHistory(db(), org.supervisor, { actionId });
    expect(items.filter((e) => e.at === at).map((e) => e.kind)).toEqual(kinds);
  });

  it('makes an action the team’s, with the member who answers for it', async () => {
    const { actionItemId } = await accept('team_education', { forTeam: true });
    const { items } = await listActions(db(), org.supervisor, { workerId });
    expect(items.find((i) => i.id === actionItemId)?.owner).toEqual({
      kind: 'team',
      unitId: 'unit-1',
      unitName: 'Ward C',
      userId: 'u-sup',
      name: 'u-sup',
    });
  });

  it('refuses an owner from another organisation, or without the supervisor role, and writes nothing', async () => {
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('card_response')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ) +
      Number(
        (
          await db()
            .selectFrom('action_item')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const ownerUserId of ['u-other', 'u-admin', 'no-such-user'])
      expect(await failure(accept('supervision_focus_team_position', { ownerUserId }))).toEqual({
        code: 'invalid_input',
        fields: ['ownerUserId'],
      });
    expect(await count()).toBe(before);
  });

  it('answers NOT_FOUND to another organisation and to a colleague with no part in the action', async () => {
    const { actionItemId } = await accept('supervision_focus_team_position', {});
    const actionId = actionItemId as string;
    for (const stranger of [outsider, bystander]) {
      expect(await failure(completeAction(db(), stranger, { actionId, outcome: 'done' }))).toEqual({
        code: 'not_found',
        fields: [],
      });
      expect(await failure(listActionHistory(db(), stranger, { actionId }))).toEqual({
        code: 'not_found',
        fields: [],
      });
      expect((await listActions(db(), stranger, { status: 'all' })).items.map((i) => i.id)).not.toContain(
        actionId,
      );
    }
    await completeAction(db(), org.supervisor, { actionId, outcome: 'not_needed' });
    for (const stranger of [outsider, bystander])
      expect(await failure(reopenAction(db(), stranger, { actionId }))).toEqual({
        code: 'not_found',
        fields: [],
      });
    const row = await db()
      .selectFrom('action_item')
      .selectAll()
      .where('id', '=', actionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', outcome: 'not_needed' });
  });

  it('names the field of a bad outcome and changes nothing', async () => {
    const { actionItemId } = await accept('team_education', {});
    const actionId = actionItemId as string;
    expect(
      await failure(completeAction(db(), org.supervisor, { actionId, outcome: 'finished' as never })),
    ).toEqual({ code: 'invalid_input', fields: ['outcome'] });
    expect(
      await failure(
        completeAction(db(), org.supervisor, { actionId, outcome: 'done', note: 'x'.repeat(2001) }),
      ),
    ).toEqual({ code: 'invalid_input', fields: ['note'] });
    const row = await db()
      .selectFrom('action_item')
      .selectAll()
      .where('id', '=', actionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'open', outcome: null });
  });
});
