/**
 * The peer worker's own account end to end (issue 12, ADR 0031), in Debian Chromium against the real
 * API on a seeded SQLite file: the admin invites a demo PSW and gets a one-time link; on a phone-sized
 * viewport the PSW opens it, sets a password, signs in, sees their own sessions with only the shared
 * summary, downloads their record as JSON without the supervisor's private notes, and comments on a
 * summary, which their supervisor then reads on the PSW's page.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { demo, screenshot, seriousViolations, signIn } from './pages';
import { runBrowser } from './portal-page';
import { type PortalServer, startPortal } from './portal-server';

/** The demo's private session notes (seed-demo.ts): none may reach the PSW. */
const privateNoteFragments = ['Went through the past month together', 'difficult week on shift'];
const PSW = {
  name: 'Lukas Moravec',
  email: 'lukas.psw@demo.peerbridge.test',
  password: 'heron copper window ninety',
};

describe.runIf(runBrowser)('peer worker account in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let adminContext: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  let link = '';

  beforeAll(async () => {
    browser = await launchChromium();
    portal = await startPortal();
    adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    adminContext.setDefaultTimeout(60_000);
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
      acceptDownloads: true,
    });
    phone.setDefaultTimeout(60_000);
    page = await phone.newPage();
  });

  afterAll(async () => {
    await adminContext?.close();
    await phone?.close();
    await browser?.close();
    await portal?.stop();
  });

  it('lets the admin invite a PSW and shows a one-time link once', async () => {
    const admin = await adminContext.newPage();
    await signIn(admin, portal.url, demo.admin);
    await admin.goto(`${portal.url}/admin?tab=workers`);
    const form = admin.getByTestId('invite-peer-form');
    await form.getByLabel('Peer worker').selectOption({ label: PSW.name });
    await form.getByLabel('Their name').fill(PSW.name);
    await form.getByLabel('Their e-mail').fill(PSW.email);
    await form.getByRole('button', { name: 'Create invitation' }).click();
    link = (await admin.getByTestId('invite-link').textContent()) ?? '';
    expect(link).toMatch(/\/welcome\?code=[\w-]{20,}$/);
    await admin.close();
  });

  it('sets a password through the link and signs in on a phone', async () => {
    await page.goto(link);
    await page.getByLabel('New password').fill(PSW.password);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('status').filter({ hasText: PSW.email }).waitFor();
    // The link works once.
    const again = await phone.newPage();
    await again.goto(link);
    await again.getByLabel('New password').fill('another long passphrase here');
    await again.getByRole('button', { name: 'Set password' }).click();
    await again.getByRole('alert').waitFor();
    await again.close();
    await signIn(page, portal.url, { email: PSW.email, password: PSW.password });
    await page.waitForURL((url) => url.pathname === '/my-record');
  });

  it('shows only their own sessions with the shared summary, fits the phone and is axe-clean', async () => {
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor();
    await expect.poll(() => page.getByTestId('own-session').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('own-session-summary').count()).toBeGreaterThan(0);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const fragment of privateNoteFragments) expect(text).not.toContain(fragment);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'own-record-phone-en');
  });

  it('downloads their record as JSON, without private notes', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('own-download').click(),
    ]);
    const path = await download.path();
    const record = JSON.parse(await readFile(path, 'utf8')) as {
      format: string;
      worker: { displayName: string };
      sessions: { sharedSummary: string | null }[];
    };
    expect(record.format).toBe('peerbridge-own-record');
    expect(record.worker.displayName).toBe(PSW.name);
    expect(record.sessions.length).toBeGreaterThan(0);
    const raw = JSON.stringify(record);
    for (const fragment of privateNoteFragments) expect(raw).not.toContain(fragment);
  });

  it('sends a comment on a shared summary, which the supervisor reads with the session', async () => {
    const session = page
      .getByTestId('own-session')
      .filter({ has: page.getByTestId('own-session-summary') })
      .first();
    await session
      .getByLabel('Your comment on this summary')
      .fill('Thank you, the Tuesday slot works for me.');
    await session.getByRole('button', { name: 'Send comment' }).click();
    await page.getByTestId('own-comment').filter({ hasText: 'the Tuesday slot works for me' }).waitFor();
    const supervisor = await adminContext.newPage();
    await signIn(supervisor, portal.url, demo.communitySupervisor);
    await supervisor.getByRole('link', { name: PSW.name }).first().click();
    await supervisor
      .getByTestId('peer-comment')
      .filter({ hasText: 'the Tuesday slot works for me' })
      .waitFor();
    await supervisor.close();
  });

  it('shows the record in Czech', async () => {
    await page.getByText('CS', { exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Můj záznam' }).waitFor();
    await page.getByRole('heading', { name: 'Moje supervize' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'own-record-phone-cs');
  });
});
