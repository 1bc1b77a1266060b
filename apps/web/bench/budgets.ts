/**
 * Performance budgets of the portal, measured on the production build:
 * 1. initial JavaScript for sign-in + caseload (the entry chunk and its static imports), gzip, at most 250 KB;
 * 2. Largest Contentful Paint of the caseload on loopback in headless Chromium, under 1 s (median of 5 loads).
 * Run with `pnpm --filter @peerbridge/web bench`; exits 1 when a budget is exceeded.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/e2e/chromium';
import { demo, signIn } from '../test/e2e/pages';
import { buildPortal, startPortal } from '../test/e2e/portal-server';

const INITIAL_JS_BUDGET_KB = 250;
const LCP_BUDGET_MS = 1000;
const LOADS = 5;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The entry chunk plus everything it imports statically: what the browser must load before the first screen. */
export function initialChunks(manifest: Record<string, ManifestChunk>): string[] {
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  if (!entry) throw new Error('The Vite manifest has no entry chunk');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entry[0]);
  return [...seen].map((key) => manifest[key]?.file ?? key).filter((file) => file.endsWith('.js'));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'peerbridge-budgets-'));
  const distDir = join(work, 'dist');
  await buildPortal(distDir, { manifest: true });
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = initialChunks(manifest);
  const gzipBytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
    0,
  );
  const initialKb = gzipBytes / 1024;

  const portal = await startPortal({ distDir });
  const browser = await launchChromium();
  const lcps: number[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, portal.url, demo.wardSupervisor);
    for (let i = 0; i < LOADS; i++) {
      // A fresh navigation each time (cache disabled), signed in, straight to the caseload.
      const session = await context.newCDPSession(page);
      await session.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(`${portal.url}/caseload`, { waitUntil: 'load' });
      await page.locator('[data-testid=caseload-table]').waitFor();
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let last = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) last = entry.startTime;
            }).observe({ type: 'largest-contentful-paint', buffered: true });
            setTimeout(() => resolve(last), 500);
          }),
      );
      lcps.push(lcp);
    }
    await context.close();
  } finally {
    await browser.close();
    await portal.stop();
    await rm(work, { recursive: true, force: true });
  }

  const lcpMs = median(lcps);
  const lines = [
    `initial JS (sign-in + caseload): ${initialKb.toFixed(1)} KB gzip in ${files.length} files (budget ${INITIAL_JS_BUDGET_KB} KB)`,
    `caseload LCP, median of ${LOADS}: ${lcpMs.toFixed(0)} ms [${lcps.map((v) => v.toFixed(0)).join(', ')}] (budget ${LCP_BUDGET_MS} ms)`,
  ];
  console.log(lines.join('\n'));
  const over = initialKb > INITIAL_JS_BUDGET_KB || !(lcpMs < LCP_BUDGET_MS);
  if (over) {
    console.error('Budget exceeded');
    process.exitCode = 1;
  }
}

await main();
