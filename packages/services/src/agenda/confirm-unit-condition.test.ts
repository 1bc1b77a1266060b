/**
 * A supervisor confirming a PSW's shared unit-condition answer for the unit (ADR 0041), on both
 * dialects: the agenda shows which shared answers are unit conditions and whether they are confirmed;
 * the confirmation is a unit observation of the same value and day, audited, recorded once however
 * often it is asked for; only the PSW's own supervisor may confirm, and only a check-in answer about a
 * unit condition.
 */
import { randomUUID } from 'node:crypto';
import { insertObservations } from '@peerbridge/db';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { unitIndicatorValues } from '../admin/units';
import { submitCheckIn } from '../check-in/submit-check-in';
import { codeOf } from '../test-support/code-of';
import { aMember } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aPeerWorkerAccount } from '../test-support/peer-worker-account';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { confirmUnitCondition } from './confirm-unit-condition';
import { sessionAgenda } from './session-agenda';

describe.each(testDialects())('confirming a unit condition for the unit on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let olga: Actor;
  let colleague: Actor;
  let workerId: string;
  let typedInId: string;
  const db = () => mdb.handle.db;

  const agendaReports = async () =>
    (await sessionAgenda(db(), org.supervisor, { workerId })).selfReports
      .map((s) => ({ indicator: s.indicator, value: s.value, confirmedForUnit: s.confirmedForUnit }))
      .sort((a, b) => (a.indicator < b.indicator ? -1 : 1));
  const selfReportId = async (indicator: string) =>
    (
      await db()
        .selectFrom('observation')
        .select('id')
        .where('peer_worker_id', '=', workerId)
        .where('indicator', '=', indicator)
        .where('source', '=', 'self_report')
        .executeTakeFirstOrThrow()
    ).id;
  const unitRows = () =>
    db()
      .selectFrom('observation')
      .select(['indicator', 'value', 'observed_at', 'source', 'source_ref', 'recorded_by'])
      .where('unit_id', '=', org.unitId)
      .orderBy('observed_at')
      .orderBy('source_ref')
      .execute();

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 2 });
    workerId = org.workerIds[0] as string;
    colleague = await aMember(db(), org.admin.organizationId, 'u-sup2', 'supervisor');
    olga = await aPeerWorkerAccount(db(), org.admin, workerId, {
      name: 'Olga Synthetic',
      email: 'olga@example.test',
    });
    await submitCheckIn(db(), olga, {
      answers: [
        { indicator: 'has_own_workplace', value: false, share: true },
        { indicator: 'invited_to_team_meetings', value: true, share: true },
        { indicator: 'receives_client_information', value: false, share: false },
        { indicator: 'cooperates_in_team', value: 4, share: true },
      ],
    });
    // A unit-condition self-report that names no check-in (as an older import could hold): not the PSW's own answer.
    typedInId = (
      await insertObservations(db(), org.admin.organizationId, [
        {
          workerId: org.workerIds[1] as string,
          indicator: 'has_own_workplace',
          value: true,
          observedAt: '2026-11-20',
          source: 'self_report',
          recordedBy: org.supervisor.userId,
          note: null,
          sourceRef: null,
        },
      ])
    )[0]?.id as string;
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('shows the shared unit conditions on the agenda as not yet confirmed; other self-reports have no such action', async () => {
    expect(await agendaReports()).toEqual([
      { indicator: 'cooperates_in_team', value: 4, confirmedForUnit: null },
      { indicator: 'has_own_workplace', value: 0, confirmedForUnit: false },
      { indicator: 'invited_to_team_meetings', value: 1, confirmedForUnit: false },
    ]);
  });

  it('records the confirmation as an audited unit observation of the same value and day, once', async () => {
    const before = await unitRows();
    const reportId = await selfReportId('has_own_workplace');
    const requestId = randomUUID();
    const first = await confirmUnitCondition(db(), org.supervisor, { observationId: reportId, requestId });
    expect(first).toMatchObject({ unitId: org.unitId, alreadyConfirmed: false });
    const answeredOn = (
      await db()
        .selectFrom('observation')
        .select('observed_at')
        .where('id', '=', reportId)
        .executeTakeFirstOrThrow()
    ).observed_at;
    expect((await unitRows()).filter((r) => r.source_ref !== null)).toEqual([
      {
        indicator: 'has_own_workplace',
        value: 0,
        observed_at: answeredOn,
        source: 'supervision',
        source_ref: reportId,
        recorded_by: org.supervisor.userId,
      },
    ]);
    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'details', 'actor_user_id'])
      .where('action', '=', 'unit_observation.create')
      .execute();
    expect(audit.map((e) => [e.entity_id, e.actor_user_id, JSON.parse(String(e.details))])).toEqual([
      [org.unitId, org.supervisor.userId, { observations: [first.observationId] }],
    ]);
    // What the unit stands at now, as the admin sees it.
    const values = await unitIndicatorValues(db(), org.admin, { unitId: org.unitId });
    expect(values.find((o) => o.indicator === 'has_own_workplace')).toMatchObject({
      id: first.observationId,
      value: false,
    });
    // A retry answers with the first result; asking again says it was confirmed before; neither stores.
    expect(await confirmUnitCondition(db(), org.supervisor, { observationId: reportId, requestId })).toEqual(
      first,
    );
    expect(await confirmUnitCondition(db(), org.supervisor, { observationId: reportId })).toEqual({
      ...first,
      alreadyConfirmed: true,
    });
    expect((await unitRows()).length).toBe(before.length + 1);
    expect(await agendaReports()).toContainEqual({
      indicator: 'has_own_workplace',
      value: 0,
      confirmedForUnit: true,
    });
    expect(await agendaReports()).toContainEqual({
      indicator: 'invited_to_team_meetings',
      value: 1,
      confirmedForUnit: false,
    });
  });

  it('lets only the PSW own supervisor confirm, and only a check-in answer about a unit condition', async () => {
    const before = await unitRows();
    const meetings = await selfReportId('invited_to_team_meetings');
    expect(await codeOf(confirmUnitCondition(db(), colleague, { observationId: meetings }))).toBe(
      'not_found',
    );
    expect(await codeOf(confirmUnitCondition(db(), org.admin, { observationId: meetings }))).toBe(
      'forbidden',
    );
    expect(await codeOf(confirmUnitCondition(db(), olga, { observationId: meetings }))).toBe('forbidden');
    expect(await codeOf(confirmUnitCondition(db(), org.supervisor, { observationId: 'no-such-id' }))).toBe(
      'not_found',
    );
    const team = await selfReportId('cooperates_in_team');
    await expect(confirmUnitCondition(db(), org.supervisor, { observationId: team })).rejects.toThrow(
      /observationId/,
    );
    expect(await codeOf(confirmUnitCondition(db(), org.supervisor, { observationId: typedInId }))).toBe(
      'invalid_input',
    );
    expect(await unitRows()).toEqual(before);
  });
});
