/**
 * Test support for the PSW's private answers (ADR 0039, 0041): everything anyone but the PSW can read
 * of them and their team, as text, so a test can show a kept answer reaches none of it; and the audit
 * payloads written about one entity.
 */
import { sessionAgenda } from '../agenda/session-agenda';
import type { Db } from '../db';
import { listWorkerObservations } from '../observations/list-worker-observations';
import { teamOverview } from '../team/team-overview';
import { getWorkerAssessment } from '../workers/get-worker-assessment';
import { getWorkerHistory } from '../workers/get-worker-history';
import type { SmallOrganization } from './small-organization';

export async function whatOthersSee(
  db: Db,
  org: SmallOrganization,
  workerId: string,
): Promise<Record<'assessment' | 'history' | 'observations' | 'agenda' | 'team' | 'audit', string>> {
  const assessment = await getWorkerAssessment(db, org.supervisor, { workerId });
  const history = await getWorkerHistory(db, org.supervisor, { workerId });
  const observations = await listWorkerObservations(db, org.supervisor, { workerId });
  const agenda = await sessionAgenda(db, org.supervisor, { workerId });
  const team = await teamOverview(db, org.admin);
  const audit = await db.selectFrom('audit_event').select(['action', 'details']).orderBy('seq').execute();
  return {
    assessment: JSON.stringify(assessment.assessment),
    history: JSON.stringify(history),
    observations: JSON.stringify(observations),
    agenda: JSON.stringify(agenda),
    team: JSON.stringify(team),
    // Reads, and the admin's own settings (contacts, item texts), are not what a check-in writes.
    audit: JSON.stringify(
      audit.filter((e) => !e.action.endsWith('.view') && e.action !== 'organization.update'),
    ),
  };
}

/** The parsed details of every audit event about one entity, oldest first. */
export async function auditDetailsOf(db: Db, entityId: string): Promise<unknown[]> {
  const events = await db
    .selectFrom('audit_event')
    .select('details')
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return events.map((e) => JSON.parse(String(e.details)));
}
