/**
 * Seeds the synthetic demo organisation once (flagged is_demo) and refuses any database that already
 * holds real data. Shared by `pnpm start` (through the api) and the CLI.
 */
import { appendAuditEvent } from '@peerbridge/db';
import type { UserRole } from '../actor';
import { insertUserWithPassword } from '../admin/users';
import { refreshStoredAssessments } from '../caseload/stored-assessments';
import { addDays } from '../dates';
import { type Db, newId, nowIso, todayIso } from '../db';
import { conflict } from '../errors';
import { toStoredValue } from '../evidence/observation-rows';
import { publishOrganizationSnapshots } from '../team/publish-snapshots';
import {
  type DemoUnitKey,
  demoAccounts,
  demoOrganizationName,
  demoPeerAccounts,
  demoUnits,
  demoWorkers,
} from './demo-people';

/** A demo account as printed on start and shown on the placeholder page. */
export interface DemoSignIn {
  role: string;
  name: string;
  email: string;
  password: string;
}

export interface DemoSeedReport {
  status: 'seeded' | 'already_seeded';
  organizationId: string;
  signIns: DemoSignIn[];
  workers: number;
  sessions: number;
  observations: number;
}

/** The demo sign-ins (constant, so they can be printed even when the demo was seeded earlier). */
export function demoSignIns(): DemoSignIn[] {
  return [...Object.values(demoAccounts), ...Object.values(demoPeerAccounts)].map((a) => ({
    role: a.roles.join(', '),
    name: a.name,
    email: a.email,
    password: a.password,
  }));
}

const sessionNotes = [
  'Went through the past month together; agreed what to try before the next session.',
  'Talked about a difficult week on shift and what helped.',
  'Reviewed how the agreed steps went; most are in place.',
  'Short session; PSW asked to pick up one topic next time.',
];

/** What the supervisor shared with the PSW (ADR 0031), for every other demo session. */
const sharedSummaries = [
  'We looked at the past month and agreed one thing to try before we meet again.',
  'You said the team meeting slot helps; we keep it and check again next time.',
];

/** Seeds the demo organisation unless it exists; throws `conflict` when the database holds non-demo data. */
export async function seedDemo(db: Db, options: { today?: string } = {}): Promise<DemoSeedReport> {
  const today = options.today ?? todayIso();
  const report = await db.transaction().execute(async (trx): Promise<DemoSeedReport> => {
    const organizations = await trx.selectFrom('organization').select(['id', 'is_demo']).execute();
    const demo = organizations.find((o) => o.is_demo === 1);
    const realOrganizations = organizations.filter((o) => o.is_demo !== 1);
    if (realOrganizations.length > 0) {
      throw conflict('This database holds non-demo organisations: the demo is only seeded beside demo data.');
    }
    if (demo) {
      return {
        status: 'already_seeded',
        organizationId: demo.id,
        signIns: demoSignIns(),
        workers: 0,
        sessions: 0,
        observations: 0,
      };
    }
    const existingUser = await trx.selectFrom('user').select('id').limit(1).executeTakeFirst();
    if (existingUser)
      throw conflict(
        'This database already has user accounts: the demo is only seeded into an empty database.',
      );

    const now = nowIso();
    const date = (daysAgo: number) => addDays(today, -daysAgo);
    const organizationId = newId();
    await trx
      .insertInto('organization')
      .values({ id: organizationId, name: demoOrganizationName, is_demo: 1, created_at: now })
      .execute();

    const userIds = {} as Record<keyof typeof demoAccounts, string>;
    for (const [key, account] of Object.entries(demoAccounts) as [
      keyof typeof demoAccounts,
      (typeof demoAccounts)[keyof typeof demoAccounts],
    ][]) {
      userIds[key] = await insertUserWithPassword(trx, organizationId, {
        name: account.name,
        email: account.email,
        password: account.password,
        roles: account.roles as ReadonlyArray<UserRole>,
      });
    }

    const unitIds = {} as Record<DemoUnitKey, string>;
    const observations: Array<{
      id: string;
      organization_id: string;
      peer_worker_id: string | null;
      unit_id: string | null;
      indicator: string;
      value: number;
      observed_at: string;
      source: 'supervision' | 'self_report';
      source_ref: string | null;
      recorded_by: string | null;
      note: string | null;
      session_id: string | null;
      created_at: string;
    }> = [];
    for (const [key, unit] of Object.entries(demoUnits) as [DemoUnitKey, (typeof demoUnits)[DemoUnitKey]][]) {
      const unitId = newId();
      unitIds[key] = unitId;
      await trx
        .insertInto('unit')
        .values({
          id: unitId,
          organization_id: organizationId,
          name: unit.name,
          setting: unit.setting,
          created_at: now,
        })
        .execute();
      // Team conditions checked three times over the half year, so every history point has them in its window.
      for (const daysAgo of [170, 100, 40]) {
        for (const [indicator, value] of Object.entries(unit.values)) {
          observations.push({
            id: newId(),
            organization_id: organizationId,
            peer_worker_id: null,
            unit_id: unitId,
            indicator,
            value: toStoredValue(value),
            observed_at: date(daysAgo),
            source: 'supervision',
            source_ref: null,
            recorded_by: userIds.admin,
            note: null,
            session_id: null,
            created_at: now,
          });
        }
      }
    }

    const sessions: Array<{
      id: string;
      organization_id: string;
      peer_worker_id: string;
      supervisor_user_id: string;
      held_on: string;
      kind: 'individual';
      minutes: number;
      private_notes: string;
      shared_summary: string | null;
      created_at: string;
    }> = [];
    const assignments: Array<{
      organization_id: string;
      supervisor_user_id: string;
      peer_worker_id: string;
      since: string;
    }> = [];
    const workerIds: string[] = [];
    for (const worker of demoWorkers) {
      const workerId = newId();
      workerIds.push(workerId);
      const supervisorId = userIds[worker.supervisor];
      await trx
        .insertInto('peer_worker')
        .values({
          id: workerId,
          organization_id: organizationId,
          unit_id: unitIds[worker.unit],
          display_name: worker.name,
          started_on: date(worker.startedDaysAgo),
          created_at: now,
        })
        .execute();
      assignments.push({
        organization_id: organizationId,
        supervisor_user_id: supervisorId,
        peer_worker_id: workerId,
        since: date(worker.startedDaysAgo),
      });
      for (const [i, entry] of worker.entries.entries()) {
        const day = date(entry.daysAgo);
        let sessionId: string | null = null;
        if (entry.kind === 'session') {
          sessionId = newId();
          sessions.push({
            id: sessionId,
            organization_id: organizationId,
            peer_worker_id: workerId,
            supervisor_user_id: supervisorId,
            held_on: day,
            kind: 'individual',
            minutes: 45 + (i % 3) * 15,
            private_notes: sessionNotes[i % sessionNotes.length] ?? '',
            shared_summary: i % 2 === 0 ? (sharedSummaries[(i / 2) % sharedSummaries.length] ?? null) : null,
            created_at: now,
          });
        }
        for (const [indicator, value] of Object.entries(entry.values)) {
          observations.push({
            id: newId(),
            organization_id: organizationId,
            peer_worker_id: workerId,
            unit_id: null,
            indicator,
            value: toStoredValue(value),
            observed_at: day,
            source: entry.kind === 'session' ? 'supervision' : 'self_report',
            source_ref: sessionId ? `session:${sessionId}` : null,
            recorded_by: entry.kind === 'session' ? supervisorId : null,
            note: null,
            session_id: sessionId,
            created_at: now,
          });
        }
      }
    }
    await trx.insertInto('supervisor_assignment').values(assignments).execute();
    for (const account of Object.values(demoPeerAccounts)) {
      const userId = await insertUserWithPassword(trx, organizationId, {
        name: account.name,
        email: account.email,
        password: account.password,
        roles: account.roles,
      });
      const workerId = workerIds[demoWorkers.findIndex((w) => w.name === account.worker)];
      if (workerId === undefined) throw new Error(`No demo PSW named ${account.worker}`);
      await trx
        .insertInto('peer_worker_account')
        .values({
          organization_id: organizationId,
          user_id: userId,
          peer_worker_id: workerId,
          created_at: now,
        })
        .execute();
    }
    for (const [i, worker] of demoWorkers.entries()) {
      for (const answer of worker.answers ?? []) {
        const responseId = newId();
        const answeredAt = `${date(answer.daysAgo)}T10:00:00.000Z`;
        await trx
          .insertInto('card_response')
          .values({
            id: responseId,
            organization_id: organizationId,
            peer_worker_id: workerIds[i]!,
            card_id: answer.cardId,
            as_of: date(answer.daysAgo),
            decision: answer.decision,
            reason: answer.reason ?? null,
            responded_by: userIds[worker.supervisor],
            responded_at: answeredAt,
          })
          .execute();
        if (answer.decision === 'accepted') {
          const done = answer.doneDaysAgo !== undefined;
          await trx
            .insertInto('action_item')
            .values({
              id: newId(),
              organization_id: organizationId,
              peer_worker_id: workerIds[i]!,
              card_response_id: responseId,
              // No typed title: the catalog card gives it, in the viewer's language (ADR 0030).
              card_id: answer.cardId,
              title: null,
              owner_user_id: userIds[worker.supervisor],
              due_on: date(-(answer.dueInDays ?? 14)),
              status: done ? 'done' : 'open',
              outcome: done ? 'done' : null,
              completed_at: done ? `${date(answer.doneDaysAgo ?? 0)}T16:00:00.000Z` : null,
              created_at: answeredAt,
            })
            .execute();
        }
      }
    }
    if (sessions.length > 0) await trx.insertInto('supervision_session').values(sessions).execute();
    // Chunked: PostgreSQL allows at most 65535 bound parameters per statement.
    for (let i = 0; i < observations.length; i += 500) {
      await trx
        .insertInto('observation')
        .values(observations.slice(i, i + 500))
        .execute();
    }
    // The caseload reads stored assessments (ADR 0026): compute them with the seed, in its transaction.
    await refreshStoredAssessments(trx, organizationId, { organization: true }, today);
    await appendAuditEvent(trx, organizationId, {
      actorUserId: null,
      action: 'demo.seed',
      entityType: 'organization',
      entityId: organizationId,
      at: now,
      details: {
        workers: demoWorkers.length,
        sessions: sessions.length,
        observations: observations.length,
      },
    });
    return {
      status: 'seeded',
      organizationId,
      signIns: demoSignIns(),
      workers: demoWorkers.length,
      sessions: sessions.length,
      observations: observations.length,
    };
  });
  // The team view reads published snapshots only: publish the demo's past periods now (ADR 0013).
  if (report.status === 'seeded') await publishOrganizationSnapshots(db, report.organizationId, today);
  return report;
}
