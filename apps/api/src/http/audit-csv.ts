/**
 * `GET /api/audit.csv?actorUserId=&workerId=&action=a&action=b&from=&to=`: the audit log as a CSV
 * download for an admin (issue 9), behind the session cookie, streamed a page at a time. It records an
 * `audit.export` event, like every export: a GET that writes a record of a read, as a refused GET does
 * (ADR 0009). So that a link on another site cannot make an admin's browser write one, a cross-site
 * request is refused here as on `/trpc`. Never cached.
 */

import type { Db } from '@peerbridge/services';
import { exportAuditCsv } from '@peerbridge/services';
import type { Env, Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { Auth } from '../auth';
import { crossSiteCheck } from './origin-check';
import { serviceErrorResponse } from './service-error-response';
import { sessionActor } from './session-actor';

function filtersOf(url: URL): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const key of ['actorUserId', 'workerId', 'from', 'to'] as const) {
    const value = url.searchParams.get(key);
    if (value !== null && value !== '') filters[key] = value;
  }
  const actions = url.searchParams.getAll('action').filter((a) => a !== '');
  if (actions.length > 0) filters.actions = actions;
  return filters;
}

/** Adds the route to the app (any bindings: it needs none of them). */
export function mountAuditCsv<E extends Env>(
  app: Hono<E>,
  options: { db: Db; auth: Auth; trustedOrigins: ReadonlyArray<string> },
) {
  app.use('/api/audit.csv', crossSiteCheck(options.trustedOrigins));
  app.get('/api/audit.csv', async (c) => {
    c.header('cache-control', 'no-store');
    const actor = await sessionActor(options.db, options.auth, c.req.raw.headers);
    if (!actor) return c.json({ error: { code: 'UNAUTHORIZED', message: 'Sign in first' } }, 401);
    let exported: Awaited<ReturnType<typeof exportAuditCsv>>;
    try {
      exported = await exportAuditCsv(options.db, actor, filtersOf(new URL(c.req.url)));
    } catch (error) {
      const answer = serviceErrorResponse(c, error);
      if (answer) return answer;
      throw error;
    }
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${exported.fileName}"`);
    c.header('x-content-type-options', 'nosniff');
    return stream(c, async (s) => {
      for await (const chunk of exported.chunks) await s.write(chunk);
    });
  });
}
