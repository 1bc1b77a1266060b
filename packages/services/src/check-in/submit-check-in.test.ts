/**
 * The PSW's check-in on both dialects (issue 12 item 2, ADR 0039): shared answers become `self_report`
 * observations of their own record, kept ones are stored only for them, a skipped question stays
 * unknown; a retry stores once; bad input changes nothing and names the field; the caller alone decides
 * whose record it is; and a kept answer reaches no supervisor view, no team view and no audit payload.
 */
import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { setWellbeingContacts } from '../admin/wellbeing-contacts';
import type { Db } from '../db';
import { exportOwnRecord } from '../own-record/own-record';
import { anotherOrganization } from '../test-support/audit-events';
import { codeOf } from '../test-support/code-of';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aPeerWorkerAccount } from '../test-support/peer-worker-account';
import { countRows } from '../test-support/row-counts';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { auditDetailsOf, whatOthersSee } from '../test-support/what-others-see';
import { getWorkerAssessment } from '../workers/get-worker-assessment';
import { listOwnCheckIns } from './own-check-ins';
import { submitCheckIn } from './submit-check-in';

/** A count nothing else in the fixture uses: if it shows up anywhere, a kept answer leaked. */
const KEPT_COUNT = 173;
const KEPT_INDICATOR = 'meets_clients_outside_work';

const tables = [
  'check_in',
  'own_check_in_answer',
  'observation',
  'audit_event',
  'idempotent_request',
] as const;

const rowCounts = (db: Db) => countRows(db, tables);

describe.each(testDialects())('a PSW checking in before supervision on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let olga: Actor;
  let pavel: Actor;
  let olgaWorker: string;
  const db = () => mdb.handle.db;

  const everythingOthersSee = () => whatOthersSee(db(), org, olgaWorker);

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 2 });
    olgaWorker = org.workerIds[0] as string;
    olga = await aPeerWorkerAccount(db(), org.admin, olgaWorker, {
      name: 'Olga Synthetic',
      email: 'olga@example.test',
    });
    pavel = await aPeerWorkerAccount(db(), org.admin, org.workerIds[1] as string, {
      name: 'Pavel Synthetic',
      email: 'pavel@example.test',
    });
    await setWellbeingContacts(db(), org.admin, {
      contacts: [{ name: 'Synthetic staff support line', phone: '+420 800 000 000', hours: 'Mon–Fri 8–16' }],
    });
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('stores shared answers as self_report observations and kept ones only for the PSW; a skipped one stays unknown', async () => {
    const result = await submitCheckIn(db(), olga, {
      requestId: randomUUID(),
      answers: [
        { indicator: 'cooperates_in_team', value: 4, share: true },
        { indicator: 'private_number_shared', value: true, share: true },
        { indicator: 'stress', value: 2, share: false },
      ],
    });
    expect(result).toMatchObject({ shared: 2, support: null });

    const observations = await db()
      .selectFrom('observation')
      .select(['indicator', 'value', 'source', 'source_ref', 'recorded_by', 'observed_at'])
      .where('peer_worker_id', '=', olgaWorker)
      .where('source', '=', 'self_report')
      .orderBy('indicator')
      .execute();
    expect(observations).toEqual([
      {
        indicator: 'cooperates_in_team',
        value: 4,
        source: 'self_report',
        source_ref: result.checkInId,
        recorded_by: olga.userId,
        observed_at: result.answeredOn,
      },
      {
        indicator: 'private_number_shared',
        value: 1,
        source: 'self_report',
        source_ref: result.checkInId,
        recorded_by: olga.userId,
        observed_at: result.answeredOn,
      },
    ]);
    const kept = await db()
      .selectFrom('own_check_in_answer')
      .select(['question', 'value'])
      .where('check_in_id', '=', result.checkInId)
      .execute();
    expect(kept).toEqual([{ question: 'stress', value: 2 }]);

    // The supervisor's assessment shows the shared answer with its self_report source in the "why".
    const { assessment } = await getWorkerAssessment(db(), org.supervisor, { workerId: olgaWorker });
    expect(JSON.stringify(assessment)).toContain('private_number_shared');
    // Skipped (exhaustion was never asked back): no observation, no kept answer; it stays unknown.
    expect(
      await db()
        .selectFrom('observation')
        .select('id')
        .where('peer_worker_id', '=', olgaWorker)
        .where('indicator', '=', 'exhaustion')
        .execute(),
    ).toEqual([]);

    // The PSW reads it back with each answer's choice.
    const page = await listOwnCheckIns(db(), olga);
    expect(page.items[0]).toEqual({
      id: result.checkInId,
      answeredOn: result.answeredOn,
      answers: [
        { indicator: 'cooperates_in_team', value: 4, shared: true },
        { indicator: 'private_number_shared', value: true, shared: true },
        { indicator: 'stress', value: 2, shared: false },
      ],
      burnout: null,
    });
  });

  it('audits the submit with the shared observations only, and each read of the own check-ins', async () => {
    const last = await db()
      .selectFrom('audit_event')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const result = await submitCheckIn(db(), olga, {
      answers: [
        { indicator: 'supportive_colleagues', value: 3, share: true },
        { indicator: 'self_stigma', value: 4, share: false },
      ],
    });
    const events = await db()
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'entity_type', 'entity_id', 'details'])
      .where('seq', '>', last?.seq ?? 0)
      .orderBy('seq')
      .execute();
    const shared = await db()
      .selectFrom('observation')
      .select('id')
      .where('source_ref', '=', result.checkInId)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'check_in.submit',
      actor_user_id: olga.userId,
      entity_type: 'check_in',
      entity_id: result.checkInId,
    });
    expect(JSON.parse(String(events[0]?.details))).toEqual({ observations: shared.map((o) => o.id) });
    expect(String(events[0]?.details)).not.toContain('self_stigma');

    await listOwnCheckIns(db(), olga, { limit: 1 });
    const views = await db()
      .selectFrom('audit_event')
      .select(['actor_user_id', 'entity_type', 'entity_id', 'details'])
      .where('action', '=', 'own_check_ins.view')
      .orderBy('seq', 'desc')
      .execute();
    expect(views[0]).toMatchObject({
      actor_user_id: olga.userId,
      entity_type: 'peer_worker',
      entity_id: olgaWorker,
    });
    expect(JSON.parse(String(views[0]?.details))).toEqual({ checkIns: [result.checkInId] });
  });

  it('stores a retried check-in once and answers it with the first result; other content under that id is refused', async () => {
    const requestId = randomUUID();
    const input = {
      requestId,
      answers: [{ indicator: 'input_valued_by_team' as const, value: 3, share: true }],
    };
    const first = await submitCheckIn(db(), olga, input);
    const before = await rowCounts(db());
    const again = await submitCheckIn(db(), olga, input);
    expect(again).toEqual(first);
    expect(await rowCounts(db())).toEqual(before);
    expect(
      await codeOf(
        submitCheckIn(db(), olga, {
          requestId,
          answers: [{ indicator: 'input_valued_by_team', value: 5, share: true }],
        }),
      ),
    ).toBe('conflict');
    expect(await rowCounts(db())).toEqual(before);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = await rowCounts(db());
    const issuesOf = (input: Parameters<typeof submitCheckIn>[2]) =>
      submitCheckIn(db(), olga, input).then(
        () => [],
        (e: { code: string; issues: { path: string; message: string }[] }) =>
          e.issues.map((i) => `${e.code} ${i.path}: ${i.message}`),
      );
    expect(await issuesOf({ answers: [{ indicator: 'exhaustion', value: 9, share: false }] })).toEqual([
      'invalid_input answers.0.value: expected an integer from 1 to 5 (likert question "exhaustion")',
    ]);
    expect(await issuesOf({ answers: [{ indicator: 'stress', value: 3 } as never] })).toEqual([
      expect.stringMatching(/^invalid_input answers\.0\.share: expected a choice/),
    ]);
    expect(await issuesOf({ answers: [] })).toEqual([
      'invalid_input answers: expected at least one answer (any question may be skipped, but not all of them)',
    ]);
    expect(
      await issuesOf({
        answers: [{ indicator: 'stress', value: 3, share: false }],
        burnout: { personal: Array(6).fill('often'), work: Array(7).fill(null) },
      }),
    ).toEqual([
      'invalid_input burnout: expected no burnout answers: the organisation has not enabled the burnout questions',
    ]);
    expect(await rowCounts(db())).toEqual(before);
  });

  it("decides whose record it is from the caller alone: another PSW's check-ins, other orgs and roles are refused", async () => {
    const olgas = await listOwnCheckIns(db(), olga);
    expect(olgas.items.length).toBeGreaterThan(0);
    const mine = await submitCheckIn(db(), pavel, {
      answers: [{ indicator: 'role_unclear', value: 2, share: true }],
    });
    const pavels = await listOwnCheckIns(db(), pavel);
    expect(pavels.items.map((c) => c.id)).toEqual([mine.checkInId]);
    expect(
      await db()
        .selectFrom('observation')
        .select('peer_worker_id')
        .where('source_ref', '=', mine.checkInId)
        .execute(),
    ).toEqual([{ peer_worker_id: org.workerIds[1] }]);

    const before = await rowCounts(db());
    const other = await anotherOrganization(db());
    const elsewhere: Actor = { ...olga, organizationId: 'org-2' };
    const answers = [{ indicator: 'stress' as const, value: 3, share: true }];
    expect(await codeOf(submitCheckIn(db(), elsewhere, { answers }))).toBe('not_found');
    expect(await codeOf(listOwnCheckIns(db(), elsewhere))).toBe('not_found');
    const unlinked: Actor = { userId: other.admin.userId, organizationId: 'org-1', roles: ['peer_worker'] };
    expect(await codeOf(submitCheckIn(db(), unlinked, { answers }))).toBe('not_found');
    expect(await codeOf(submitCheckIn(db(), org.supervisor, { answers }))).toBe('forbidden');
    expect(await codeOf(listOwnCheckIns(db(), org.admin))).toBe('forbidden');
    expect(await rowCounts(db())).toEqual(before);
  });

  it('pages the own check-ins newest first with a cursor that only ever reads their own', async () => {
    const all = (await listOwnCheckIns(db(), olga, { limit: 100 })).items.map((c) => c.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await listOwnCheckIns(db(), olga, { limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const rest = await listOwnCheckIns(db(), olga, { limit: 100, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((c) => c.id)).toEqual(all);
    expect(rest.nextCursor).toBeNull();
    // Olga's cursor in Pavel's hands reads Pavel's check-ins only.
    const pavels = await listOwnCheckIns(db(), pavel, { cursor: first.nextCursor });
    expect(pavels.items.every((c) => !all.includes(c.id))).toBe(true);
    expect(await codeOf(listOwnCheckIns(db(), olga, { cursor: 'not-a-cursor' }))).toBe('invalid_input');
  });

  it('keeps kept answers out of the assessment, history, observations, team view and audit payloads', async () => {
    const seen = await everythingOthersSee();
    const result = await submitCheckIn(db(), olga, {
      answers: [
        { indicator: KEPT_INDICATOR, value: KEPT_COUNT, share: false },
        { indicator: 'exhaustion', value: 5, share: false },
      ],
    });
    expect(result.shared).toBe(0);
    const after = await everythingOthersSee();
    expect(after.assessment).toBe(seen.assessment);
    expect(after.history).toBe(seen.history);
    expect(after.observations).toBe(seen.observations);
    expect(after.team).toBe(seen.team);
    for (const text of Object.values(after)) expect(text).not.toContain(`"value":${KEPT_COUNT}`);
    expect(after.audit).not.toContain(KEPT_INDICATOR);
    // The one new audit payload names the check-in and no observation.
    expect(await auditDetailsOf(db(), result.checkInId)).toEqual([{ observations: [] }]);
    // The PSW still sees both as theirs.
    const own = (await listOwnCheckIns(db(), olga, { limit: 1 })).items[0];
    expect(own?.answers).toEqual([
      { indicator: KEPT_INDICATOR, value: KEPT_COUNT, shared: false },
      { indicator: 'exhaustion', value: 5, shared: false },
    ]);
  });

  it('puts every check-in in their own download, kept answers too, and in no one else', async () => {
    const result = await submitCheckIn(db(), olga, {
      answers: [
        { indicator: 'input_valued_by_team', value: 2, share: true },
        { indicator: 'self_stigma', value: 3, share: false },
      ],
    });
    const download = await exportOwnRecord(db(), olga);
    const all = (await listOwnCheckIns(db(), olga, { limit: 100 })).items;
    expect(download.checkIns).toEqual(all);
    expect(download.checkIns[0]).toMatchObject({
      id: result.checkInId,
      answers: [
        { indicator: 'input_valued_by_team', value: 2, shared: true },
        { indicator: 'self_stigma', value: 3, shared: false },
      ],
    });
    const pavels = await exportOwnRecord(db(), pavel);
    expect(pavels.checkIns.some((c) => all.some((o) => o.id === c.id))).toBe(false);
  });

  it("ends a high-strain check-in with the organisation's contacts, never a label", async () => {
    const high = await submitCheckIn(db(), olga, {
      answers: [{ indicator: 'exhaustion', value: 5, share: false }],
    });
    expect(high.support).toEqual({
      contacts: [
        { name: 'Synthetic staff support line', phone: '+420 800 000 000', url: null, hours: 'Mon–Fri 8–16' },
      ],
    });
    expect(Object.keys(high).sort()).toEqual(['answeredOn', 'checkInId', 'shared', 'support']);
    const low = await submitCheckIn(db(), olga, {
      answers: [{ indicator: 'exhaustion', value: 2, share: true }],
    });
    expect(low.support).toBeNull();
  });
});
