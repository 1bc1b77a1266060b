/**
 * Publishing the team view (ADR 0013): once a period has ended, its snapshot is computed over the
 * period's frozen cohort and stored; it never changes after. The api runs this at start and every
 * hour, the demo seed once; no read ever computes or writes one.
 */
import type { Db } from '../db';
import { nowIso } from '../db';
import { loadOrganizationSettings } from '../organization/organization-settings';
import { freezeCohorts, loadCohort } from './freeze-cohorts';
import { periodOf } from './periods';
import { computeTeamSnapshot } from './team-snapshot';

/** Which periods were published, per organisation. */
export interface PublishReport {
  published: { organizationId: string; period: string }[];
}

/** Publish every ended, frozen period of one organisation that has no snapshot yet. */
export async function publishOrganizationSnapshots(
  db: Db,
  organizationId: string,
  today: string,
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await freezeCohorts(trx, organizationId, today);
    const due = await trx
      .selectFrom('aggregate_period as p')
      .leftJoin('aggregate_snapshot as s', (join) =>
        join.onRef('s.organization_id', '=', 'p.organization_id').onRef('s.period', '=', 'p.period'),
      )
      .select('p.period')
      .where('p.organization_id', '=', organizationId)
      .where('p.period', '<', periodOf(today))
      .where('s.period', 'is', null)
      .orderBy('p.period')
      .execute();
    if (due.length === 0) return [];
    const org = await loadOrganizationSettings(trx, organizationId);
    const published: string[] = [];
    for (const { period } of due) {
      const cohort = await loadCohort(trx, organizationId, period);
      if (!cohort) continue;
      const snapshot = await computeTeamSnapshot(trx, organizationId, cohort, {
        k: org.smallCellK,
        cadenceDays: org.supervisionCadenceDays,
      });
      const inserted = await trx
        .insertInto('aggregate_snapshot')
        .values({
          organization_id: organizationId,
          period,
          k: org.smallCellK,
          published_at: nowIso(),
          payload: JSON.stringify(snapshot),
        })
        .onConflict((oc) => oc.columns(['organization_id', 'period']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) published.push(period);
    }
    return published;
  });
}

/** Publish what is due for every organisation. */
export async function publishDueSnapshots(db: Db, today: string): Promise<PublishReport> {
  const orgs = await db.selectFrom('organization').select('id').orderBy('id').execute();
  const published: PublishReport['published'] = [];
  for (const { id } of orgs) {
    for (const period of await publishOrganizationSnapshots(db, id, today))
      published.push({ organizationId: id, period });
  }
  return { published };
}
