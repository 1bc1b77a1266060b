/**
 * The caseload benchmark's floor: bare Hono with hand-written SQL on raw prepared statements
 * (better-sqlite3 or pg) returning the same 50 precomputed rows the api serves (ADR 0026): the session
 * (signed cookie), the membership, the PSWs joined with their stored assessments, and the open actions.
 * No tRPC, no Kysely, no better-auth, no audit, no need ranking.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import pg from 'pg';

type Row = Record<string, unknown>;
interface Queries {
  session(token: string): Promise<Row | undefined>;
  roles(userId: string): Promise<Row[]>;
  workers(userId: string, orgId: string): Promise<Row[]>;
  openActions(userId: string, orgId: string): Promise<Row[]>;
}

const assigned = `select peer_worker_id from supervisor_assignment where supervisor_user_id = ? and organization_id = ?`;
const sql = {
  session: `select s."userId" as user_id, s."expiresAt" as expires_at from "session" s join "user" u on u.id = s."userId" where s.token = ?`,
  roles: `select organization_id, role from membership where user_id = ? order by created_at, organization_id`,
  workers: `select w.id, w.display_name, w.started_on, w.status, u.id as unit_id, u.name as unit_name, u.setting as unit_setting,
      s.as_of, s.last_session_on, s.payload
    from supervisor_assignment a join peer_worker w on w.id = a.peer_worker_id join unit u on u.id = w.unit_id
    left join worker_assessment s on s.peer_worker_id = w.id
    where a.supervisor_user_id = ? and a.organization_id = ? and w.status <> 'left' order by w.display_name, w.id`,
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
    openActions: (u, o) => run('openActions', [u, o, o]),
  };
}

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

export function createFloorApp(dialect: 'sqlite' | 'postgres', url: string, secret: string): Hono {
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
    const [workers, actionRows] = await Promise.all([q.workers(userId, orgId), q.openActions(userId, orgId)]);
    const open = new Map(actionRows.map((r) => [r.peer_worker_id as string, Number(r.open)]));
    const entries = workers.map((w) => ({
      workerId: w.id,
      displayName: w.display_name,
      status: w.status,
      startedOn: w.started_on,
      unit: { id: w.unit_id, name: w.unit_name, setting: w.unit_setting },
      lastSessionOn: w.last_session_on,
      openActions: open.get(w.id as string) ?? 0,
      ...(JSON.parse(String(w.payload ?? '{}')) as Record<string, unknown>),
    }));
    return c.json({ asOf: new Date().toISOString().slice(0, 10), workers: entries });
  });
  return app;
}
