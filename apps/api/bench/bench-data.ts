/**
 * Benchmark data: one organisation, one supervisor with 50 PSWs, about 200 observations each spread over
 * two years of monthly sessions (so the two assessment windows hold a realistic share), plus unit evidence.
 */
import { type DatabaseHandle, migrateToLatest } from '@peerbridge/db';
import { catalog, indicatorIds } from '@peerbridge/domain';
import { insertUserWithPassword, refreshStaleAssessments } from '@peerbridge/services';

export const BENCH_EMAIL = 'bench-supervisor@example.test';
export const BENCH_PASSWORD = 'bench-password-123';
export const WORKERS = 50;
export const OBSERVATIONS_PER_WORKER = 200;
const DAYS_OF_HISTORY = 720;

const workerIndicators = indicatorIds.filter((id) => catalog.indicators[id].level === 'worker');
const unitIndicators = indicatorIds.filter((id) => catalog.indicators[id].level === 'unit');

/** Seeds the data and stores every PSW's assessment of today (ADR 0026); returns the supervisor's user id. */
export async function seedBenchData(handle: DatabaseHandle): Promise<string> {
  await migrateToLatest(handle);
  const db = handle.db;
  const now = new Date().toISOString();
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  let seed = 42;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const randomValue = (indicator: (typeof indicatorIds)[number]) => {
    const kind = catalog.indicators[indicator].kind;
    return kind === 'bool'
      ? random() > 0.5
        ? 1
        : 0
      : kind === 'event'
        ? Math.floor(random() * 4)
        : 1 + Math.floor(random() * 5);
  };
  await db
    .insertInto('organization')
    .values({ id: 'bench-org', name: 'Bench Trust', created_at: now })
    .execute();
  const supervisorId = await insertUserWithPassword(db, 'bench-org', {
    name: 'Bench Supervisor',
    email: BENCH_EMAIL,
    password: BENCH_PASSWORD,
    roles: ['supervisor'],
  });
  const units = [
    { id: 'bench-ward', setting: 'inpatient' as const },
    { id: 'bench-team', setting: 'community' as const },
  ];
  const observations = [];
  for (const unit of units) {
    await db
      .insertInto('unit')
      .values({
        id: unit.id,
        organization_id: 'bench-org',
        name: unit.id,
        setting: unit.setting,
        created_at: now,
      })
      .execute();
    for (const [i, indicator] of unitIndicators.entries()) {
      observations.push({
        id: `${unit.id}-o${i}`,
        organization_id: 'bench-org',
        peer_worker_id: null,
        unit_id: unit.id,
        indicator,
        value: randomValue(indicator),
        observed_at: day(30 + i),
        source: 'supervision' as const,
        source_ref: null,
        recorded_by: supervisorId,
        note: null,
        session_id: null,
        created_at: now,
      });
    }
  }
  const sessions = [];
  for (let w = 0; w < WORKERS; w++) {
    const workerId = `bench-w${String(w).padStart(2, '0')}`;
    const unit = units[w % 2]!;
    await db
      .insertInto('peer_worker')
      .values({
        id: workerId,
        organization_id: 'bench-org',
        unit_id: unit.id,
        display_name: `Peer ${w}`,
        started_on: day(DAYS_OF_HISTORY + 30),
        created_at: now,
      })
      .execute();
    await db
      .insertInto('supervisor_assignment')
      .values({
        organization_id: 'bench-org',
        supervisor_user_id: supervisorId,
        peer_worker_id: workerId,
        since: day(DAYS_OF_HISTORY),
      })
      .execute();
    for (let s = 0; s < DAYS_OF_HISTORY / 30; s++) {
      sessions.push({
        id: `${workerId}-s${s}`,
        organization_id: 'bench-org',
        peer_worker_id: workerId,
        supervisor_user_id: supervisorId,
        held_on: day(s * 30 + (w % 20)),
        kind: 'individual' as const,
        minutes: 50,
        private_notes: null,
        created_at: now,
      });
    }
    for (let i = 0; i < OBSERVATIONS_PER_WORKER; i++) {
      const indicator = workerIndicators[Math.floor(random() * workerIndicators.length)]!;
      observations.push({
        id: `${workerId}-o${i}`,
        organization_id: 'bench-org',
        peer_worker_id: workerId,
        unit_id: null,
        indicator,
        value: randomValue(indicator),
        observed_at: day(Math.floor(random() * DAYS_OF_HISTORY)),
        source: 'supervision' as const,
        source_ref: null,
        recorded_by: supervisorId,
        note: null,
        session_id: null,
        created_at: now,
      });
    }
  }
  for (let i = 0; i < sessions.length; i += 500)
    await db
      .insertInto('supervision_session')
      .values(sessions.slice(i, i + 500))
      .execute();
  for (let i = 0; i < observations.length; i += 500)
    await db
      .insertInto('observation')
      .values(observations.slice(i, i + 500))
      .execute();
  // The rows above are inserted raw, past the services: store their assessments as the api's start does.
  await refreshStaleAssessments(db);
  return supervisorId;
}
