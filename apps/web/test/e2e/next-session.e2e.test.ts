/**
 * The next session, prepared (ADR 0036), end to end in Chromium against the real API on a seeded SQLite
 * file: a supervisor schedules Jana's next session from her page and sees the agenda, finds the planned
 * day on the caseload, records a session that plans the one after, and opens that session's summary,
 * whose print view leaves only the summary (and which speaks Czech).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, screenshot, signIn } from './pages';
import { closePortalPage, openPortalPage, runBrowser } from './portal-page';
import type { PortalServer } from './portal-server';

/** The ISO day `days` after today in UTC, as the API counts days. */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe.runIf(runBrowser)('the next session in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ portal, browser, context, page } = await openPortalPage());
  });
  afterAll(() => closePortalPage({ portal, browser, context, page }));

  it('schedules, shows the day on the caseload, plans the next while recording, prints the summary', async () => {
    const plannedOn = dayFromToday(14);
    await signIn(page, portal.url, demo.communitySupervisor);
    await page.locator('[data-testid=caseload-row]').getByRole('link', { name: 'Jana Kovar' }).click();

    const panel = page.locator('[data-testid=next-session]');
    const date = panel.locator('[data-testid=next-session-date]');
    await expect.poll(() => date.textContent()).toBe('No session planned.');
    await panel.locator('[data-testid=agenda]').waitFor();
    await panel.getByRole('button', { name: 'Schedule' }).click();
    const dialog = page.getByRole('dialog');
    // A past day is refused in the dialog, before any request.
    await dialog.getByLabel('Date').fill(dayFromToday(-1));
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await dialog.getByText('The date cannot be in the past.').waitFor();
    await dialog.getByLabel('Date').fill(plannedOn);
    await dialog.getByLabel('Time (optional)').fill('09:30');
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => date.getAttribute('data-planned-on')).toBe(plannedOn);
    expect(await date.textContent()).toMatch(/^Planned for .+ at 09:30$/);
    await panel.getByRole('button', { name: 'Change' }).waitFor();
    for (const section of ['agenda-actions', 'agenda-changed', 'agenda-questions', 'agenda-self-reports'])
      expect(await panel.locator(`[data-testid=${section}]`).count()).toBe(1);
    await screenshot(page, 'next-session-panel-en');

    await page.getByRole('link', { name: 'Caseload' }).first().click();
    const row = page.locator('[data-testid=caseload-row]').filter({ hasText: 'Jana Kovar' });
    await expect
      .poll(() => row.locator('[data-testid=caseload-next-session]').getAttribute('data-planned-on'))
      .toBe(plannedOn);
    expect(await row.locator('[data-testid=caseload-next-session]').textContent()).toMatch(/^Next session /);

    // Recording a session with its next one: the session resolves the plan, the new plan replaces it.
    const nextOn = dayFromToday(28);
    await row.getByRole('link', { name: 'Jana Kovar' }).click();
    await page.getByRole('link', { name: 'Record supervision' }).click();
    await page.getByLabel('Held, nothing to record').check();
    await page.getByLabel('Next session on (optional)').fill(nextOn);
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.locator('[data-testid=next-session]').waitFor();
    await expect.poll(() => date.getAttribute('data-planned-on')).toBe(nextOn);

    await page.locator('[data-testid=session-summary-link]').first().click();
    const summary = page.locator('[data-testid=session-summary]');
    await summary.getByRole('heading', { level: 1, name: 'Supervision summary: Jana Kovar' }).waitFor();
    expect(await summary.locator('[data-testid=summary-shared]').textContent()).toContain(
      'Held, nothing to record.',
    );
    const next = await summary.locator('[data-testid=summary-next]').textContent();
    expect(next).toMatch(/^Next sessionPlanned for /);
    expect(next).not.toContain('09:30');
    const nav = page.getByRole('navigation');
    const print = page.locator('[data-testid=print-summary]');
    expect(await nav.first().isVisible()).toBe(true);
    expect(await print.isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => nav.first().isVisible()).toBe(false);
    expect(await print.isVisible()).toBe(false);
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await summary.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    const colours = await summary.evaluate((el) => {
      const heading = el.querySelector('h1');
      return {
        text: heading ? getComputedStyle(heading).color : '',
        background: getComputedStyle(document.body).backgroundColor,
      };
    });
    expect(colours).toEqual({ text: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
    await screenshot(page, 'session-summary-print-en');
    await page.emulateMedia({ media: 'screen' });
    await page.getByText('CS', { exact: true }).click();
    await summary.getByRole('heading', { level: 1, name: 'Shrnutí supervize: Jana Kovar' }).waitFor();
    expect(await print.textContent()).toBe('Tisk');
  });
});
