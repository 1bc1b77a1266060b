/**
 * Every main page in Chromium against the real API: an axe-core scan with no serious or critical
 * violations, and a screenshot kept in test-artifacts/ (laptop size, and the core pages on a phone, 390×844).
 * Each page is then visited once more in Czech, where no English-only word may show (ADR 0038).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { chooseLanguage, englishWordsOn } from './czech-scan';
import { importDemoStudy } from './demo-study';
import { demo, screenshot, seriousViolations, signIn } from './pages';
import { runBrowser } from './portal-page';
import { type PortalServer, startPortal } from './portal-server';

const adminTabs = ['organization', 'units', 'workers', 'users', 'audit'] as const;
const adminReady = (tab: (typeof adminTabs)[number]): string =>
  tab === 'organization' ? 'form' : '[data-testid$=-table]';

async function check(page: Page, name: string, ready: string, fullPage = true): Promise<void> {
  await page.locator(ready).first().waitFor();
  // Let lazy chunks, charts and fonts settle before scanning and taking the picture.
  await page.waitForLoadState('networkidle');
  await screenshot(page, name, fullPage);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** A page to see again in Czech: where it is, what shows it is ready, and what to open first. */
interface Visit {
  name: string;
  path: string;
  ready: string;
  open?: (page: Page) => Promise<void>;
}

/** The path and search of the current page, to visit it again. */
const here = (page: Page): string => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

describe.runIf(runBrowser)('main pages are accessible', () => {
  let portal: PortalServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    portal = await startPortal();
    await importDemoStudy(
      portal.workDir,
      portal.databaseUrl,
      demo.researcher.email,
      'Roles in peer work (synthetic)',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  async function asUser(who: { email: string; password: string }, viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport, locale: 'en-GB' });
    // CI runs every package's tests at once on two cores: give slow moments room.
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await signIn(page, portal.url, who);
    return { page, close: () => context.close() };
  }

  /** Visits each page in Czech (screenshot cs-<name>) and collects every English-only word it shows. */
  async function inCzech(page: Page, visits: readonly Visit[]): Promise<void> {
    await chooseLanguage(page, 'cs');
    for (const visit of visits) {
      await page.goto(`${portal.url}${visit.path}`);
      await page.locator(visit.ready).first().waitFor();
      await visit.open?.(page);
      await page.waitForLoadState('networkidle');
      await screenshot(page, `cs-${visit.name}`);
      expect.soft((await englishWordsOn(page)).join(' '), `English words on ${visit.name} in Czech`).toBe('');
    }
  }

  it('sign-in page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${portal.url}/sign-in`);
    await check(page, 'sign-in', 'form');
    await inCzech(page, [{ name: 'sign-in', path: '/sign-in', ready: 'form' }]);
    await context.close();
  });

  it('supervisor pages: caseload, PSW, record supervision, actions, team view', async () => {
    const { page, close } = await asUser(demo.communitySupervisor);
    try {
      await check(page, 'a11y-caseload', '[data-testid=caseload-table]');
      // Arriving from the sign-in (a route change), the focus is on the page's heading (ADR 0038).
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      // On a full load the first Tab reaches the skip link, which moves the focus past the navigation.
      await page.reload();
      await page.locator('[data-testid=caseload-table]').first().waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.locator('[data-testid=caseload-row]').getByRole('link', { name: 'Jana Kovar' }).click();
      const workerPath = here(page);
      const openWhy = (p: Page) => p.locator('[data-testid=why-friend_vs_professional]').click();
      await openWhy(page);
      await check(page, 'a11y-worker', '[data-testid=because-list]');
      await page.getByRole('button', { name: 'Override' }).first().click();
      await check(page, 'a11y-override-dialog', '[role=dialog] textarea', false);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('link', { name: 'Record supervision' }).click();
      await check(page, 'a11y-record-session', '[data-testid^=group-]');
      const recordPath = here(page);
      await page.goto(`${portal.url}/actions`);
      await check(page, 'a11y-actions', 'h1');
      await page.goto(`${portal.url}/team`);
      await check(page, 'a11y-team-caseload', '[data-testid=prevalence]');
      await page.goto(`${portal.url}/notifications`);
      await check(page, 'a11y-notifications', '[data-testid=notification-item]');
      await inCzech(page, [
        { name: 'caseload', path: '/caseload', ready: '[data-testid=caseload-table]' },
        { name: 'worker', path: workerPath, ready: '[data-testid=role-profile]', open: openWhy },
        { name: 'record-session', path: recordPath, ready: '[data-testid^=group-]' },
        { name: 'actions', path: '/actions', ready: 'h1' },
        { name: 'team-caseload', path: '/team', ready: '[data-testid=prevalence]' },
        { name: 'notifications', path: '/notifications', ready: '[data-testid=notification-item]' },
      ]);
    } finally {
      await close();
    }
  });

  it('core pages on a phone (390×844): the caseload as cards, the PSW page with its recommendations first', async () => {
    const { page, close } = await asUser(demo.communitySupervisor, { width: 390, height: 844 });
    const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= 390);
    const top = async (selector: string) =>
      (await page.locator(selector).first().boundingBox())?.y ?? Number.NaN;
    try {
      await check(page, 'phone-caseload', '[data-testid=caseload-cards]');
      expect(await page.locator('[data-testid=caseload-table]').count()).toBe(0);
      expect(await fitsWidth()).toBe(true);
      await page.locator('[data-testid=caseload-row]').getByRole('link', { name: 'Jana Kovar' }).click();
      await check(page, 'phone-worker', '[data-testid=role-profile]');
      // Below the wide layout the recommendations come before the evidence (ADR 0038), seen and in DOM order.
      expect(await top('[data-testid=cards]')).toBeLessThan(await top('[data-testid=role-profile]'));
      expect(await fitsWidth()).toBe(true);
      await inCzech(page, [
        { name: 'phone-caseload', path: '/caseload', ready: '[data-testid=caseload-cards]' },
        { name: 'phone-worker', path: here(page), ready: '[data-testid=role-profile]' },
      ]);
    } finally {
      await close();
    }
  });

  it('admin pages and the organisation team view', async () => {
    const { page, close } = await asUser(demo.admin);
    try {
      for (const tab of adminTabs) {
        await page.goto(`${portal.url}/admin?tab=${tab}`);
        await check(page, `a11y-admin-${tab}`, adminReady(tab));
      }
      await page.goto(`${portal.url}/admin?tab=units`);
      await page
        .getByRole('button', { name: /^Unit-level indicators/ })
        .first()
        .click();
      await check(page, 'a11y-admin-unit-indicators', '[data-testid=unit-indicators] table');
      await page.goto(`${portal.url}/team`);
      await check(page, 'a11y-team-organization', '[data-testid=prevalence]');
      // A card accepted for the organisation becomes a team action on the actions page (ADR 0042).
      await page
        .getByRole('button', { name: /for the team$/ })
        .first()
        .click();
      await page.getByRole('dialog').getByRole('button', { name: 'Add the action' }).click();
      await page.getByRole('status').filter({ hasText: 'Added to the actions' }).waitFor();
      await page.locator('[data-testid=team-card-action]').first().waitFor();
      await page.getByRole('link', { name: 'Open the actions page' }).click();
      await check(page, 'a11y-team-actions', '[data-testid=team-action-row]');
      expect(await page.locator('[data-testid=team-action-row]').count()).toBe(1);
      await expect
        .poll(() => page.locator('[data-testid=team-action-row]').first().textContent())
        .toContain('the whole organisation');
      await inCzech(page, [
        ...adminTabs.map((tab) => ({
          name: `admin-${tab}`,
          path: `/admin?tab=${tab}`,
          ready: adminReady(tab),
        })),
        { name: 'team-organization', path: '/team', ready: '[data-testid=prevalence]' },
        { name: 'team-actions', path: '/actions', ready: '[data-testid=team-action-row]' },
      ]);
    } finally {
      await close();
    }
  });

  it('peer worker pages: own record and the check-in', async () => {
    const { page, close } = await asUser(demo.peerWorker);
    try {
      await page.goto(`${portal.url}/my-record`);
      await check(page, 'a11y-own-record', '[data-testid=check-in-start]');
      await page.goto(`${portal.url}/my-record/check-in`);
      await check(page, 'a11y-check-in', '[data-testid^=check-in-step-]');
      await inCzech(page, [
        { name: 'own-record', path: '/my-record', ready: '[data-testid=check-in-start]' },
        { name: 'check-in', path: '/my-record/check-in', ready: '[data-testid^=check-in-step-]' },
      ]);
    } finally {
      await close();
    }
  });

  it('researcher pages', async () => {
    const { page, close } = await asUser(demo.researcher);
    try {
      await check(page, 'a11y-studies', '[data-testid=studies-table]');
      await page.getByRole('link', { name: 'Roles in peer work (synthetic)' }).click();
      await page.locator('[data-testid=agreement] table').waitFor();
      await check(page, 'a11y-study', '[data-testid=co-occurrence] table');
      expect(await page.locator('[data-testid=participants] tbody tr').count()).toBe(6);
      await inCzech(page, [
        { name: 'studies', path: '/studies', ready: '[data-testid=studies-table]' },
        { name: 'study', path: here(page), ready: '[data-testid=co-occurrence] table' },
      ]);
    } finally {
      await close();
    }
  });
});
