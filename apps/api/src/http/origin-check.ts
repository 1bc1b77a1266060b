/**
 * Origin check on every state-changing request: hono/csrf only inspects form posts, but our mutations
 * are JSON, so we refuse any unsafe request whose Origin (or Sec-Fetch-Site) says it came from another site.
 */
import type { MiddlewareHandler } from 'hono';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Allows unsafe methods only from a trusted origin, or from non-browser clients that send no Origin. */
export function originCheck(trustedOrigins: ReadonlyArray<string>): MiddlewareHandler {
  const trusted = new Set(trustedOrigins);
  return async (c, next) => {
    if (!safeMethods.has(c.req.method)) {
      const origin = c.req.header('origin');
      const fetchSite = c.req.header('sec-fetch-site');
      const sameOrigin = origin !== undefined && origin === new URL(c.req.url).origin;
      if (origin !== undefined && !sameOrigin && !trusted.has(origin)) {
        return c.json(
          { error: { code: 'FORBIDDEN', message: `Requests from origin ${origin} are not allowed` } },
          403,
        );
      }
      if (origin === undefined && fetchSite === 'cross-site') {
        return c.json({ error: { code: 'FORBIDDEN', message: 'Cross-site requests are not allowed' } }, 403);
      }
    }
    await next();
  };
}

/**
 * For `/trpc`, reads included: a browser request another site started (a link, an image, a form) is
 * refused before any procedure runs, so it cannot make a signed-in user's browser write audit rows (a
 * refusal is recorded even on a GET, ADR 0009). Non-browser clients send no Sec-Fetch-Site.
 */
export function crossSiteCheck(trustedOrigins: ReadonlyArray<string>): MiddlewareHandler {
  const trusted = new Set(trustedOrigins);
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.header('sec-fetch-site') === 'cross-site' && !(origin !== undefined && trusted.has(origin))) {
      c.header('cache-control', 'no-store');
      return c.json({ error: { code: 'FORBIDDEN', message: 'Cross-site requests are not allowed' } }, 403);
    }
    await next();
  };
}
