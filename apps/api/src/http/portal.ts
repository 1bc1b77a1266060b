/**
 * The web portal: in production (or once apps/web/dist exists) the built files with an SPA fallback;
 * until then a small page saying the portal is coming, with the demo sign-ins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { Hono, Env as HonoEnv } from 'hono';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A demo sign-in shown on the placeholder page (only for the synthetic demo organisation). */
export interface DemoSignIn {
  role: string;
  email: string;
  password: string;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function placeholderPage(signIns: ReadonlyArray<DemoSignIn>): string {
  const rows = signIns
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.role)}</td><td>${escapeHtml(s.email)}</td><td><code>${escapeHtml(s.password)}</code></td></tr>`,
    )
    .join('');
  const table = signIns.length
    ? `<h2>Demo sign-ins</h2><table><tr><th>Role</th><th>Email</th><th>Password</th></tr>${rows}</table>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PeerBridge</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;color:#222}
td,th{padding:.3rem .8rem;text-align:left;border-bottom:1px solid #ddd}</style></head><body>
<h1>PeerBridge</h1><p>The supervisor portal is coming soon. The API is running at <code>/trpc</code>,
accounts at <code>/api/auth</code>.</p>${table}</body></html>`;
}

/** Serves the portal from `distDir` when it exists, otherwise the placeholder page. */
export function mountPortal<E extends HonoEnv>(
  app: Hono<E>,
  distDir: string,
  signIns: ReadonlyArray<DemoSignIn>,
): void {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    const html = placeholderPage(signIns);
    app.get('/', (c) => c.html(html));
    return;
  }
  const root = normalize(distDir + sep);
  const indexHtml = readFileSync(indexFile);
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/trpc')) return c.notFound();
    const requested = normalize(join(distDir, decodeURIComponent(c.req.path)));
    const ext = requested.slice(requested.lastIndexOf('.'));
    // Refuse anything that escapes distDir; fall back to index.html for client-side routes.
    if (requested.startsWith(root) && contentTypes[ext] && existsSync(requested)) {
      const immutable = requested.includes(`${sep}assets${sep}`);
      return c.body(readFileSync(requested), 200, {
        'content-type': contentTypes[ext],
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    return c.body(indexHtml, 200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
    });
  });
}
