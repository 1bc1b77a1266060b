/**
 * The PSW closes their own actions (ADR 0030, issue 12), on both dialects: an action whose catalog card
 * is addressed to the peer worker is closed and reopened by the PSW it is about with the same
 * `completeAction` / `reopenAction` as the supervisor's, who then reads who closed it and how it ended.
 * The attacks: another PSW's action, their own action addressed to the supervisor, an id from nowhere,
 * another organisation, and other roles; each refused as NOT_FOUND (or FORBIDDEN for a role question)
 * and changing nothing.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { answerCard } from '../cards/answer-card';
import { todayIso } from '../db';
import { ServiceError } from '../errors';
import { openOwnRecord } from '../own-record/own-record';
import { recordSession } from '../sessions/record-session';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aPeerWorkerAccount } from '../test-support/peer-worker-account';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { peerWorkerCardIds } from './action-access';
import { completeAction, listActionHistory, listActions, reopenAction } from './action-items';

/** Closeness with clients spilling over and no boundary habits: `boundary_strategies` fires. */
const boundaryStrain = [
  { indicator: 'after_hours_client_contact', value: 4 },
  { indicator: 'work_intrudes_personal_life', value: 4 },
  { indicator: 'private_number_shared', value: true },
  { indicator: 'phone_off_after_hours', value: false },
] as const;

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: unknown) => {
      if (!(e instanceof ServiceError)) throw e;
      return `${e.code} ${e.message}`;
    },
  );

describe.each(testDialects())('a PSW closing their own actions on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let olga: Actor;
  let pavel: Actor;
  let olgaWorker: string;
  /** Olga's action from `boundary_strategies` (addressed to the peer worker). */
  let olgaOwn: string;
  /** Olga's action from a card addressed to the supervisor. */
  let olgaSupervisors: string;
  /** Pavel's action from `boundary_strategies`. */
  let pavelOwn: string;
  const db = () => mdb.handle.db;

  /** Everything a refused call must leave as it was. */
  const snapshot = async () => ({
    actions: await db().selectFrom('action_item').selectAll().orderBy('id').execute(),
    events: await db().selectFrom('action_item_event').selectAll().orderBy('id').execute(),
    audit: await db()
      .selectFrom('audit_event')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  });

  const accepted = async (
    workerId: string,
    cardId: 'boundary_strategies' | 'supervision_focus_team_position',
  ) => {
    const answered = await answerCard(db(), org.supervisor, {
      workerId,
      cardId,
      decision: 'accepted',
      dueOn: todayIso(),
    });
    if (!answered.actionItemId) throw new Error('expected an action item');
    return answered.actionItemId;
  };

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 2 });
    const [first, second] = org.workerIds as [string, string];
    olgaWorker = first;
    olga = await aPeerWorkerAccount(db(), org.admin, first, {
      name: 'Olga Synthetic',
      email: 'olga@example.test',
    });
    pavel = await aPeerWorkerAccount(db(), org.admin, second, {
      name: 'Pavel Synthetic',
      email: 'pavel@example.test',
    });
    for (const workerId of [first, second])
      await recordSession(db(), org.supervisor, {
        workerId,
        heldOn: TODAY,
        observations: [...boundaryStrain],
      });
    olgaOwn = await accepted(first, 'boundary_strategies');
    olgaSupervisors = await accepted(first, 'supervision_focus_team_position');
    pavelOwn = await accepted(second, 'boundary_strategies');
  });
  afterAll(() => mdb.close());

  it('knows which catalog cards are addressed to the peer worker', () => {
    expect(peerWorkerCardIds).toEqual(['boundary_strategies']);
  });

  it('shows the PSW which of their actions are theirs to close', async () => {
    const record = await openOwnRecord(db(), olga);
    const byId = new Map(record.actions.map((a) => [a.id, a]));
    expect(byId.get(olgaOwn)).toMatchObject({ status: 'open', outcome: null, forPeerWorker: true });
    expect(byId.get(olgaSupervisors)).toMatchObject({ status: 'open', forPeerWorker: false });
    expect(byId.has(pavelOwn)).toBe(false);
  });

  it('lets the PSW close it with an outcome and a note; the supervisor sees who closed it and how', async () => {
    const closed = await completeAction(db(), olga, {
      actionId: olgaOwn,
      outcome: 'did_not_help',
      note: 'Tried the work phone for a week; clients still text my own number.',
    });
    expect(closed).toMatchObject({ status: 'done', outcome: 'did_not_help', completedBy: olga.userId });

    const { items } = await listActions(db(), org.supervisor, { workerId: olgaWorker, status: 'done' });
    expect(items.find((i) => i.id === olgaOwn)).toMatchObject({
      outcome: 'did_not_help',
      outcomeNote: 'Tried the work phone for a week; clients still text my own number.',
      completedBy: olga.userId,
      completedByName: 'Olga Synthetic',
    });
    const { items: history } = await listActionHistory(db(), org.supervisor, { actionId: olgaOwn });
    expect(history.at(-1)).toMatchObject({
      kind: 'closed',
      outcome: 'did_not_help',
      actorName: 'Olga Synthetic',
    });

    const audit = await db()
      .selectFrom('audit_event')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'action.complete')
      .where('entity_id', '=', olgaOwn)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_user_id).toBe(olga.userId);
    // The note is the PSW's own words: the audit says there is one, never what it says.
    expect(JSON.stringify(audit[0]?.details)).not.toContain('work phone');

    const own = (await openOwnRecord(db(), olga)).actions.find((a) => a.id === olgaOwn);
    expect(own).toMatchObject({ status: 'done', outcome: 'did_not_help', forPeerWorker: true });
    expect(JSON.stringify(own)).not.toContain('work phone');
  });

  it('lets the PSW reopen it and close it again; the history keeps every step', async () => {
    await expect(reopenAction(db(), olga, { actionId: olgaOwn })).resolves.toMatchObject({
      status: 'open',
      outcome: null,
      completedBy: null,
    });
    await completeAction(db(), olga, { actionId: olgaOwn, outcome: 'done' });
    const { items: history } = await listActionHistory(db(), org.supervisor, { actionId: olgaOwn });
    expect(history.map((e) => [e.kind, e.actorUserId])).toEqual([
      ['assigned', org.supervisor.userId],
      ['closed', olga.userId],
      ['reopened', olga.userId],
      ['closed', olga.userId],
    ]);
    // Closed already: a second close is a conflict, not a second outcome.
    await expect(completeAction(db(), olga, { actionId: olgaOwn, outcome: 'done' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it("refuses another PSW's action, their own supervisor's action and an unknown id alike, changing nothing", async () => {
    const before = await snapshot();
    const none = await refusal(completeAction(db(), olga, { actionId: 'no-such-action', outcome: 'done' }));
    expect(none).toMatch(/^not_found/);
    for (const actionId of [pavelOwn, olgaSupervisors]) {
      expect(await refusal(completeAction(db(), olga, { actionId, outcome: 'done', note: 'Not mine' }))).toBe(
        none,
      );
    }
    expect(await snapshot()).toEqual(before);
    // Closed by the supervisor, so a reopen attempt has something to reopen.
    await completeAction(db(), org.supervisor, { actionId: pavelOwn, outcome: 'done' });
    await completeAction(db(), org.supervisor, { actionId: olgaSupervisors, outcome: 'done' });
    const afterClosing = await snapshot();
    expect(await refusal(reopenAction(db(), olga, { actionId: 'no-such-action' }))).toBe(none);
    for (const actionId of [pavelOwn, olgaSupervisors])
      expect(await refusal(reopenAction(db(), olga, { actionId }))).toBe(none);
    expect(await snapshot()).toEqual(afterClosing);
    expect(afterClosing.actions.find((a) => a.id === pavelOwn)?.completed_by).toBe(org.supervisor.userId);
  });

  it('refuses the PSW in another organisation, a PSW account without a link, and other roles', async () => {
    await reopenAction(db(), org.supervisor, { actionId: pavelOwn });
    const before = await snapshot();
    const none = await refusal(completeAction(db(), pavel, { actionId: 'no-such-action', outcome: 'done' }));
    const elsewhere: Actor = { ...pavel, organizationId: 'org-2' };
    expect(await refusal(completeAction(db(), elsewhere, { actionId: pavelOwn, outcome: 'done' }))).toBe(
      none,
    );
    const unlinked: Actor = {
      userId: 'u-nobody',
      organizationId: org.supervisor.organizationId,
      roles: ['peer_worker'],
    };
    expect(await refusal(completeAction(db(), unlinked, { actionId: pavelOwn, outcome: 'done' }))).toBe(none);
    // A role that closes nothing is told so (FORBIDDEN), as before.
    for (const actor of [org.admin, { ...org.admin, roles: ['researcher'] as const }])
      expect(await refusal(completeAction(db(), actor, { actionId: pavelOwn, outcome: 'done' }))).toMatch(
        /^forbidden/,
      );
    // The PSW reads no action's history, even their own: that list stays the supervisor's.
    expect(await refusal(listActionHistory(db(), pavel, { actionId: pavelOwn }))).toMatch(/^forbidden/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input naming the field, before anything is written', async () => {
    const before = await snapshot();
    await expect(
      completeAction(db(), pavel, { actionId: pavelOwn, outcome: 'sort_of' as 'done', note: 'x' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'outcome' })],
    });
    await expect(
      completeAction(db(), pavel, { actionId: pavelOwn, outcome: 'done', note: 'x'.repeat(2001) }),
    ).rejects.toMatchObject({ code: 'invalid_input', issues: [expect.objectContaining({ path: 'note' })] });
    expect(await snapshot()).toEqual(before);
  });
});
