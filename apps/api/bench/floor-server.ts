/**
 * The benchmark's floor: the caseload in bare Hono with hand-written SQL on raw prepared statements
 * (better-sqlite3 or pg) and the same `assess` calls, no tRPC, no Kysely, no better-auth. It reads what
 * the real procedure reads: the session (signed cookie), the membership, workers, organisation, worker
 * and unit observations in the windows, sessions and open actions.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { assess, catalog, defaultRuleset, type IndicatorId, type Observation } from '@peerbridge/domain';
import { assessMemoized } from '@peerbridge/services';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import pg from 'pg';

type Row = Record<string, unknown>;
interface Queries {
  session(token: string): Promise<Row | undefined>;
  roles(userId: string): Promise<Row[]>;
  workers(userId: string, orgId: string): Promise<Row[]>;
  organization(orgId: string): Promise<Row | undefined>;
  workerObservations(userId: string, orgId: string, from: string, to: string): Promise<Row[]>;
  unitObservations(userId: string, orgId: string, from: string, to: string): Promise<Row[]>;
  sessions(userId: string, orgId: string, from: string, to: string): Promise<Row[]>;
  openActions(userId: string, orgId: string): Promise<Row[]>;
}

const assigned = `select peer_worker_id from supervisor_assignment where supervisor_user_id = ? and organization_id = ?`;
const sql = {
  session: `select s."userId" as user_id, s."expiresAt" as expires_at from "session" s join "user" u on u.id = s."userId" where s.token = ?`,
  roles: `select organization_id, role from membership where user_id = ? order by created_at, organization_id`,
  workers: `select w.id, w.display_name, w.started_on, w.status, u.id as unit_id, u.name as unit_name, u.setting as unit_setting
    from supervisor_assignment a join peer_worker w on w.id = a.peer_worker_id join unit u on u.id = w.unit_id
    where a.supervisor_user_id = ? and a.organization_id = ? and w.status <> 'left' order by w.display_name, w.id`,
  organization: `select supervision_cadence_days from organization where id = ?`,
  workerObservations: `select id, peer_worker_id, unit_id, indicator, value, observed_at, source from observation
    where peer_worker_id in (${assigned}) and organization_id = ? and observed_at > ? and observed_at <= ?`,
  unitObservations: `select id, peer_worker_id, unit_id, indicator, value, observed_at, source from observation
    where unit_id in (select w.unit_id from peer_worker w where w.id in (${assigned})) and organization_id = ? and observed_at > ? and observed_at <= ?`,
  sessions: `select peer_worker_id, held_on from supervision_session
    where peer_worker_id in (${assigned}) and organization_id = ? and held_on > ? and held_on <= ?`,
  openActions: `select peer_worker_id, count(*) as open from action_item
    where peer_worker_id in (${assigned}) and organization_id = ? and status = 'open' group by peer_worker_id`,
};

function sqliteQueries(file: string): Queries {
  const db = new Database(file, { readonly: true });
  db.pragma('busy_timeout = 5000');
  const s = Object.fromEntries(Object.entries(sql).map(([k, q]) => [k, db.prepare(q)])) as Record<
    keyof typeof sql,
    Database.Statement
  >;
  return {
    session: async (token) => s.session.get(token) as Row | undefined,
    roles: async (userId) => s.roles.all(userId) as Row[],
    workers: async (userId, orgId) => s.workers.all(userId, orgId) as Row[],
    organization: async (orgId) => s.organization.get(orgId) as Row | undefined,
    workerObservations: async (u, o, from, to) => s.workerObservations.all(u, o, o, from, to) as Row[],
    unitObservations: async (u, o, from, to) => s.unitObservations.all(u, o, o, from, to) as Row[],
    sessions: async (u, o, from, to) => s.sessions.all(u, o, o, from, to) as Row[],
    openActions: async (u, o) => s.openActions.all(u, o, o) as Row[],
  };
}

function pgQueries(url: string): Queries {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const numbered = (q: string) => {
    let n = 0;
    return q.replace(/\?/g, () => `$${++n}`);
  };
  const run = async (name: keyof typeof sql, values: unknown[]) =>
    (await pool.query({ name, text: numbered(sql[name]), values })).rows as Row[];
  return {
    session: async (token) => (await run('session', [token]))[0],
    roles: (userId) => run('roles', [userId]),
    workers: (userId, orgId) => run('workers', [userId, orgId]),
    organization: async (orgId) => (await run('organization', [orgId]))[0],
    workerObservations: (u, o, from, to) => run('workerObservations', [u, o, o, from, to]),
    unitObservations: (u, o, from, to) => run('unitObservations', [u, o, o, from, to]),
    sessions: (u, o, from, to) => run('sessions', [u, o, o, from, to]),
    openActions: (u, o) => run('openActions', [u, o, o]),
  };
}

function toObservation(r: Row): Observation {
  const indicator = r.indicator as IndicatorId;
  const o: Observation = {
    id: r.id as string,
    indicator,
    value: catalog.indicators[indicator].kind === 'bool' ? Number(r.value) !== 0 : Number(r.value),
    observedAt: r.observed_at as string,
    source: r.source as Observation['source'],
  };
  if (r.peer_worker_id !== null) o.workerId = r.peer_worker_id as string;
  if (r.unit_id !== null) o.unitId = r.unit_id as string;
  return o;
}

const dayMs = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/** Verifies better-auth's signed session cookie (`token.base64(hmac-sha256)`) and returns the token. */
function tokenFromCookie(cookie: string | undefined, secret: string): string | null {
  const raw = cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith('peerbridge.session_token='))
    ?.slice('peerbridge.session_token='.length);
  if (!raw) return null;
  const value = decodeURIComponent(raw);
  const dot = value.lastIndexOf('.');
  const token = value.slice(0, dot);
  const expected = createHmac('sha256', secret).update(token).digest('base64');
  const given = value.slice(dot + 1);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
    ? token
    : null;
}

/** `memoized` uses the same memoised `assess` as the services, so the comparison with the api stays like for like. */
export function createFloorApp(
  dialect: 'sqlite' | 'postgres',
  url: string,
  secret: string,
  memoized = false,
): Hono {
  const assessOne = memoized ? assessMemoized : assess;
  const q = dialect === 'sqlite' ? sqliteQueries(url) : pgQueries(url);
  const app = new Hono();
  app.get('/caseload', async (c) => {
    const token = tokenFromCookie(c.req.header('cookie'), secret);
    const session = token ? await q.session(token) : undefined;
    if (!session || new Date(session.expires_at as string).getTime() < Date.now())
      return c.json({ error: 'UNAUTHORIZED' }, 401);
    const userId = session.user_id as string;
    const roles = await q.roles(userId);
    const orgId = roles[0]?.organization_id as string | undefined;
    if (!orgId || !roles.some((r) => r.role === 'supervisor' && r.organization_id === orgId))
      return c.json({ error: 'FORBIDDEN' }, 403);
    const asOf = new Date().toISOString().slice(0, 10);
    const from = addDays(asOf, -2 * defaultRuleset.windowDays);
    const [workers, org] = await Promise.all([q.workers(userId, orgId), q.organization(orgId)]);
    const [workerRows, unitRows, sessionRows, actionRows] = await Promise.all([
      q.workerObservations(userId, orgId, from, asOf),
      q.unitObservations(userId, orgId, from, asOf),
      q.sessions(userId, orgId, from, asOf),
      q.openActions(userId, orgId),
    ]);
    const byWorker = new Map<string, Observation[]>();
    for (const r of workerRows) {
      const list = byWorker.get(r.peer_worker_id as string) ?? [];
      list.push(toObservation(r));
      byWorker.set(r.peer_worker_id as string, list);
    }
    const byUnit = new Map<string, Observation[]>();
    for (const r of unitRows) {
      const list = byUnit.get(r.unit_id as string) ?? [];
      list.push(toObservation(r));
      byUnit.set(r.unit_id as string, list);
    }
    const sessionsBy = new Map<string, { heldOn: string }[]>();
    for (const r of sessionRows) {
      const list = sessionsBy.get(r.peer_worker_id as string) ?? [];
      list.push({ heldOn: r.held_on as string });
      sessionsBy.set(r.peer_worker_id as string, list);
    }
    const open = new Map(actionRows.map((r) => [r.peer_worker_id as string, Number(r.open)]));
    const entries = workers.map((w) => {
      const a = assessOne({
        asOf,
        worker: { id: w.id as string, startedOn: w.started_on as string, unitId: w.unit_id as string },
        unit: { id: w.unit_id as string, setting: w.unit_setting as 'inpatient' | 'community' | 'other' },
        observations: [...(byWorker.get(w.id as string) ?? []), ...(byUnit.get(w.unit_id as string) ?? [])],
        sessions: sessionsBy.get(w.id as string) ?? [],
        ruleset: defaultRuleset,
        cadenceDays: Number(org?.supervision_cadence_days ?? 28),
      });
      return {
        workerId: w.id,
        displayName: w.display_name,
        unit: { id: w.unit_id, name: w.unit_name, setting: w.unit_setting },
        openActions: open.get(w.id as string) ?? 0,
        conflicts: Object.fromEntries(
          Object.entries(a.conflicts).map(([id, k]) => [
            id,
            { level: k.level, severity: k.severity, trend: k.trend },
          ]),
        ),
        strain: { level: a.strain.level, value: a.strain.value },
        findings: a.findings.map((f) => f.id),
      };
    });
    return c.json({ asOf, workers: entries });
  });
  return app;
}
