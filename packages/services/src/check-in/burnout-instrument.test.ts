/**
 * The burnout instrument end to end in the services (ADR 0041), on both dialects: an admin enables it
 * with the organisation's item texts (field-named errors for a wrong count or an empty text, nothing
 * stored), the PSW's check-in form then carries the texts; the PSW's answers are theirs alone (scored
 * for their own view, absent from every supervisor read, the agenda, the team view, the published
 * aggregate a researcher sees, and every audit payload); turned off, the form has none and the submit
 * refuses burnout answers.
 */
import { burnoutScales } from '@peerbridge/domain';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { getBurnoutItems, setBurnoutItems } from '../admin/burnout-items';
import { addDays } from '../dates';
import { todayIso } from '../db';
import { ServiceError } from '../errors';
import { publishOrganizationSnapshots } from '../team/publish-snapshots';
import { codeOf } from '../test-support/code-of';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aPeerWorkerAccount } from '../test-support/peer-worker-account';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { auditDetailsOf, whatOthersSee } from '../test-support/what-others-see';
import { getCheckInForm } from './check-in-form';
import { listOwnCheckIns } from './own-check-ins';
import { submitCheckIn } from './submit-check-in';

/** Synthetic stand-ins for licensed texts (PeerBridge ships none). */
const itemsOf = (scale: 'personal' | 'work', n: number = burnoutScales[scale].items) =>
  Array.from({ length: n }, (_, i) => `Synthetic ${scale} item ${i + 1}`);
const ITEMS = { personal: itemsOf('personal'), work: itemsOf('work') };
/** A stored burnout answer (`burnout.<scale>.<item>`), a scale score's name or an item text: none may leak. */
const LEAK = /burnout\.(personal|work)|Synthetic (personal|work) item|"(personal|work)":\d/;

const fieldsOf = async (call: Promise<unknown>): Promise<string[]> => {
  try {
    await call;
    return [];
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    return (e.issues ?? []).map((i) => i.path);
  }
};

describe.each(testDialects())('the burnout instrument on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let olga: Actor;
  let workerId: string;
  const db = () => mdb.handle.db;

  const everythingOthersSee = () => whatOthersSee(db(), org, workerId);

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 1 });
    workerId = org.workerIds[0] as string;
    olga = await aPeerWorkerAccount(db(), org.admin, workerId, {
      name: 'Olga Synthetic',
      email: 'olga@example.test',
    });
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('is off until an admin enables it; bad texts are refused naming the field and store nothing', async () => {
    expect(await getBurnoutItems(db(), org.admin)).toEqual({ items: null });
    expect(await getCheckInForm(db(), olga)).toEqual({ burnoutItems: null });
    expect(
      await fieldsOf(
        setBurnoutItems(db(), org.admin, { items: { personal: itemsOf('personal', 5), work: ITEMS.work } }),
      ),
    ).toEqual(['items.personal']);
    expect(
      await fieldsOf(
        setBurnoutItems(db(), org.admin, {
          items: { personal: ITEMS.personal, work: ITEMS.work.map((t, i) => (i === 2 ? '  ' : t)) },
        }),
      ),
    ).toEqual(['items.work.2']);
    expect(await codeOf(setBurnoutItems(db(), org.supervisor, { items: ITEMS }))).toBe('forbidden');
    expect(await codeOf(getBurnoutItems(db(), olga))).toBe('forbidden');
    expect(await codeOf(getCheckInForm(db(), org.supervisor))).toBe('forbidden');
    expect(await getBurnoutItems(db(), org.admin)).toEqual({ items: null });
  });

  it("keeps the PSW's burnout answers out of every read but their own", async () => {
    expect(await setBurnoutItems(db(), org.admin, { items: ITEMS })).toEqual({ items: ITEMS });
    expect(await getCheckInForm(db(), olga)).toEqual({ burnoutItems: ITEMS });
    const seen = await everythingOthersSee();
    const result = await submitCheckIn(db(), olga, {
      answers: [],
      burnout: {
        personal: ['always', 'often', null, 'often', 'always', 'sometimes'],
        work: ['seldom', null, null, 'never', 'seldom', null, 'never'],
      },
    });
    expect(result.shared).toBe(0);
    expect(Object.keys(result).sort()).toEqual(['answeredOn', 'checkInId', 'shared', 'support']);
    const { audit: _auditBefore, ...before } = seen;
    const { audit, ...now } = await everythingOthersSee();
    expect(now).toEqual(before);
    for (const text of [audit, ...Object.values(now)]) expect(text).not.toMatch(LEAK);
    // The one new audit payload names the check-in and no observation.
    expect(await auditDetailsOf(db(), result.checkInId)).toEqual([{ observations: [] }]);
    // The aggregate researchers receive, published over a period that has ended.
    await publishOrganizationSnapshots(db(), org.admin.organizationId, addDays(todayIso(), 400));
    const snapshots = await db().selectFrom('aggregate_snapshot').selectAll().execute();
    expect(snapshots.length).toBeGreaterThan(0);
    expect(JSON.stringify(snapshots)).not.toMatch(LEAK);
    // Olga's own view has the scores: personal (100+75+75+100+50)/5, work (25+0+25+(100-0))/4.
    const own = (await listOwnCheckIns(db(), olga, { limit: 1 })).items[0];
    expect(own).toMatchObject({ id: result.checkInId, answers: [], burnout: { personal: 80, work: 37.5 } });
  });

  it('turned off, the form asks nothing and the submit refuses burnout answers', async () => {
    expect(await setBurnoutItems(db(), org.admin, { items: null })).toEqual({ items: null });
    expect(await getCheckInForm(db(), olga)).toEqual({ burnoutItems: null });
    expect(
      await fieldsOf(
        submitCheckIn(db(), olga, {
          answers: [{ indicator: 'stress', value: 2, share: false }],
          burnout: { personal: Array(6).fill('often'), work: Array(7).fill(null) },
        }),
      ),
    ).toEqual(['burnout']);
  });
});
