/**
 * End-to-end support: whether this run drives Chromium (always under CI=true, where a missing Chromium then
 * fails), and one demo portal with Chromium and one laptop-sized English page, for a describe block's hooks.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { chromiumAvailable, chromiumPath, launchChromium } from './chromium';
import { type PortalServer, startPortal } from './portal-server';

export const runBrowser = chromiumAvailable() || process.env.CI === 'true';
if (!runBrowser)
  console.warn(`Chromium is missing at ${chromiumPath}: end-to-end tests not run (they fail under CI=true).`);

export interface PortalPage {
  portal: PortalServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** A fresh demo portal, Chromium, and one 1280×900 en-GB page (`options` adds to the context's). */
export async function openPortalPage(options: BrowserContextOptions = {}): Promise<PortalPage> {
  const browser = await launchChromium();
  const portal = await startPortal();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    ...options,
  });
  // CI runs every package's tests at once on two cores: give slow moments room.
  context.setDefaultTimeout(60_000);
  return { portal, browser, context, page: await context.newPage() };
}

/** Closes what `openPortalPage` opened (any part may be missing when the opening failed). */
export async function closePortalPage(opened: Partial<PortalPage>): Promise<void> {
  await opened.context?.close();
  await opened.browser?.close();
  await opened.portal?.stop();
}
