/**
 * The supervisor's loop end to end, in Debian Chromium against the real API on a seeded SQLite file:
 * sign in, caseload, a PSW with a boundary conflict and why, accept a card, refuse an override without a
 * reason, record a session with boundary strategies and see the severity fall (while strong team signs
 * turn another conflict severe, and the bell and the notification centre show it), switch to Czech; and a
 * researcher who opens a supervision page gets the not-allowed page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, screenshot, signIn } from './pages';
import { closePortalPage, openPortalPage, runBrowser } from './portal-page';
import type { PortalServer } from './portal-server';

/** The first recommendation card on the page that has not been answered yet. */
function openCard(page: Page) {
  return page
    .locator('[data-testid^=card-]')
    .filter({ has: page.getByRole('button', { name: 'Override' }) })
    .first();
}

describe.runIf(runBrowser)('supervisor loop in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let workerUrl = '';
  let severityBefore = Number.NaN;

  beforeAll(async () => {
    ({ portal, browser, context, page } = await openPortalPage());
  });
  afterAll(() => closePortalPage({ portal, browser, context, page }));

  it('refuses a wrong password with a clear message', async () => {
    await page.goto(`${portal.url}/sign-in`);
    await page.locator('input[type=email]').fill(demo.communitySupervisor.email);
    await page.locator('input[type=password]').fill('not-the-password');
    await page.locator('button[type=submit]').click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is not right.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('signs a supervisor in and shows their caseload', async () => {
    await signIn(page, portal.url, demo.communitySupervisor);
    await page.waitForSelector('[data-testid=caseload-table]');
    expect(new URL(page.url()).pathname).toBe('/caseload');
    const rows = page.locator('[data-testid=caseload-row]');
    expect(await rows.count()).toBeGreaterThan(1);
    await expect.poll(() => rows.getByText('Jana Kovar', { exact: true }).count()).toBe(1);
    expect(await page.title()).toBe('Caseload · PeerBridge');
    // The demo has PSWs whose last supervision is older than the cadence: they are flagged.
    expect(await page.locator('[data-testid=overdue]').count()).toBeGreaterThan(0);
    await screenshot(page, 'caseload-en');
  });

  it('sorts the caseload from the keyboard', async () => {
    const header = page.getByRole('columnheader', { name: /Peer worker/ });
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const names = await page.locator('[data-testid=caseload-row] td:first-child').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
  });

  it('opens a PSW with a boundary conflict and shows why', async () => {
    await page.locator('[data-testid=caseload-row]').getByRole('link', { name: 'Jana Kovar' }).click();
    const panel = page.locator('[data-testid=conflict-friend_vs_professional]');
    await panel.waitFor();
    workerUrl = page.url();
    expect(['active', 'severe']).toContain(await panel.getAttribute('data-level'));
    severityBefore = Number(
      await page.locator('[data-testid=severity-friend_vs_professional]').getAttribute('data-value'),
    );
    expect(severityBefore).toBeGreaterThan(0.35);
    await page.locator('[data-testid=why-friend_vs_professional]').click();
    const why = panel.locator('[data-testid=because-list]');
    await why.waitFor();
    await expect.poll(() => why.textContent()).toContain('Client contact after hours');
    await screenshot(page, 'worker-en');
  });

  it('opens the PSW record with one POST per page view, and reveals notes only on "Show notes"', async () => {
    const calls: string[] = [];
    const onRequest = (request: { method(): string; url(): string }) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/trpc/')) calls.push(`${request.method()} ${url.pathname.slice(6)}`);
    };
    page.on('request', onRequest);
    try {
      await page.reload();
      const table = page.locator('[data-testid=sessions-table]');
      await table.waitFor();
      await expect.poll(() => table.textContent()).toContain('Hidden');
      const opens = calls.filter((c) => c.includes('supervision.openWorker'));
      expect(opens).toEqual(['POST supervision.openWorker']);
      expect(calls.some((c) => c.includes('revealNotes'))).toBe(false);
      // Every read went as a GET, after the open.
      expect(
        calls.filter((c) => c.includes('supervision.assessment')).every((c) => c.startsWith('GET ')),
      ).toBe(true);
      await page.locator('[data-testid=reveal-notes]').click();
      await expect.poll(() => table.textContent()).not.toContain('Hidden');
      expect(calls.filter((c) => c.includes('revealNotes'))).toEqual(['POST supervision.revealNotes']);
      expect(calls.filter((c) => c.includes('supervision.openWorker'))).toHaveLength(1);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('accepts a card and shows the action item', async () => {
    // The first card nobody has answered yet (the demo already holds some answers).
    const open = openCard(page);
    await open.waitFor();
    const card = page.locator(`[data-testid=${await open.getAttribute('data-testid')}]`);
    const actionsBefore = await page.locator('[data-testid=worker-action]').count();
    await card.getByRole('button', { name: 'Accept' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.locator('[data-testid=card-answer]').waitFor();
    const action = page.locator('[data-testid=worker-action]');
    await expect.poll(() => action.count()).toBe(actionsBefore + 1);
    await page.getByRole('link', { name: 'Actions' }).click();
    await page.locator('[data-testid=actions-table]').waitFor();
    expect(
      await page.locator('[data-testid=action-row]').filter({ hasText: 'Jana Kovar' }).count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'actions-en');
  });

  it('closes an action with an outcome, and it leaves the open list', async () => {
    const rows = page.locator('[data-testid=action-row]').filter({ hasText: 'Jana Kovar' });
    const before = await rows.count();
    await rows
      .first()
      .getByRole('button', { name: /^Close/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Done').check();
    await dialog.getByRole('button', { name: 'Close the action' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(before - 1);
    await page.getByText('Closed', { exact: true }).click();
    await expect
      .poll(() => page.locator('[data-testid=action-row]').filter({ hasText: 'Jana Kovar' }).count())
      .toBe(1);
  });

  it('refuses an override without a reason, in the form and in the API', async () => {
    await page.goto(workerUrl);
    const open = openCard(page);
    await open.waitFor();
    const cardId = (await open.getAttribute('data-testid'))?.replace(/^card-/, '');
    await open.getByRole('button', { name: 'Override' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Override' }).click();
    await dialog.getByText('A reason is required to override a recommendation.').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator(`[data-testid=card-${cardId}] [data-testid=card-answer]`).count()).toBe(0);

    const workerId = new URL(workerUrl).pathname.split('/')[2];
    const response = await page.request.post(`${portal.url}/trpc/supervision.answerCard`, {
      data: { requestId: crypto.randomUUID(), workerId, cardId, decision: 'overridden', reason: '  ' },
      headers: { origin: portal.url },
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain('reason');
  });

  it('records a session with boundary strategies and the severity falls, and a new severe conflict rings the bell', async () => {
    // A fresh load, so the bell's count is the server's now, not one cached before the last changes.
    await page.goto(workerUrl);
    const bell = page.getByTestId('notification-bell');
    const unreadBefore = Number((await bell.getByTestId('notification-count').textContent()) ?? '0');
    await page.getByRole('link', { name: 'Record supervision' }).click();
    await page.locator('[data-testid=group-conflict\\:friend_vs_professional]').waitFor();
    const answer = async (indicator: string, label: string) =>
      page.locator(`[data-testid=question-${indicator}]`).getByText(label, { exact: true }).click();
    await answer('phone_off_after_hours', 'Yes');
    await answer('keeps_working_hours', 'Yes');
    await answer('protects_personal_time', '5');
    await answer('private_number_shared', 'No');
    await page.locator('[data-testid=question-after_hours_client_contact] input').fill('0');
    // Strong signs of the team conflict: one session moves it to severe, which starts a notification.
    await answer('seen_as_former_patient', '5');
    await answer('self_stigma', '5');
    await page.locator('[data-testid=question-witnesses_disrespect_to_service_users] input').fill('5');
    await answer('input_valued_by_team', '1');
    await page.getByLabel('Minutes').fill('50');
    await screenshot(page, 'record-session-en');
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.waitForURL((url) => url.pathname === new URL(workerUrl).pathname);
    const severity = page.locator('[data-testid=severity-friend_vs_professional]');
    await expect
      .poll(async () => Number(await severity.getAttribute('data-value')), { timeout: 15_000 })
      .toBeLessThan(severityBefore);
    // The bell counts it after a reload (it refreshes every minute), and the centre names the conflict.
    await page.reload();
    await expect
      .poll(async () => Number(await bell.getByTestId('notification-count').textContent()))
      .toBe(unreadBefore + 1);
    await bell.click();
    await page
      .locator('[data-testid=notification-item][data-kind=conflict_severe][data-read=false]')
      .filter({ hasText: 'Jana Kovar' })
      .filter({ hasText: 'Staff member versus expert by experience' })
      .waitFor();
    await page.goto(workerUrl);
    await page.getByRole('heading', { name: 'Conflicts' }).waitFor();
  });

  it('switches to Czech and shows Czech texts, and keeps the choice after a reload', async () => {
    await page.getByText('CS', { exact: true }).click();
    await page.getByRole('heading', { name: 'Konflikty' }).waitFor();
    await page.getByText('Přítel versus profesionál').first().waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Konflikty' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cs');
    await screenshot(page, 'worker-cs');
    await page.getByRole('link', { name: 'Moji pracovníci' }).first().click();
    await page.getByRole('columnheader', { name: /Peer pracovník/ }).waitFor();
    await screenshot(page, 'caseload-cs');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Caseload' }).waitFor();
    await page.goto(workerUrl);
    await page.getByRole('heading', { name: 'Conflicts' }).waitFor();
  });

  it('signs out, and a signed-out visit to the caseload goes to sign-in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.goto(`${portal.url}/caseload`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(await page.locator('[data-testid=caseload-table]').count()).toBe(0);
  });

  it('gives a researcher who opens a supervision page a clear not-allowed page', async () => {
    const researcher = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    researcher.setDefaultTimeout(60_000);
    const other = await researcher.newPage();
    try {
      await signIn(other, portal.url, demo.researcher);
      await other.goto(workerUrl);
      await other.locator('[data-testid=not-allowed]').waitFor();
      expect(await other.getByRole('heading', { name: 'Not allowed' }).count()).toBe(1);
      expect(await other.locator('[data-testid=worker-name]').count()).toBe(0);
      await screenshot(other, 'not-allowed-en');
    } finally {
      await researcher.close();
    }
  });
});
