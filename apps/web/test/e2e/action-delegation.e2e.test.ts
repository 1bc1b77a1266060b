/**
 * Actions that get done, end to end in Chromium against the real API on a seeded SQLite file: a
 * supervisor accepts a card for another supervisor, who then sees it among their actions (without
 * supervising the PSW), closes it with an outcome and a note, and reopens it; the first supervisor sees
 * the owner and due date on the card, and the same title on both pages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { demo, screenshot, signIn } from './pages';
import { runBrowser } from './portal-page';
import { type PortalServer, startPortal } from './portal-server';

describe.runIf(runBrowser)('delegating an action in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let tomasContext: BrowserContext;
  let martaContext: BrowserContext;
  let tomas: Page;
  let marta: Page;
  let title = '';

  beforeAll(async () => {
    browser = await launchChromium();
    portal = await startPortal();
    tomasContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    martaContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    for (const c of [tomasContext, martaContext]) c.setDefaultTimeout(60_000);
    tomas = await tomasContext.newPage();
    marta = await martaContext.newPage();
  });

  afterAll(async () => {
    await tomasContext?.close();
    await martaContext?.close();
    await browser?.close();
    await portal?.stop();
  });

  it('hands a card of a PSW to another supervisor, and the card shows owner and due date', async () => {
    await signIn(tomas, portal.url, demo.communitySupervisor);
    await tomas.locator('[data-testid=caseload-row]').getByRole('link', { name: 'Jana Kovar' }).click();
    const open = tomas
      .locator('[data-testid^=card-]')
      .filter({ has: tomas.getByRole('button', { name: 'Override' }) })
      .first();
    await open.waitFor();
    const card = tomas.locator(`[data-testid=${await open.getAttribute('data-testid')}]`);
    title = (await card.getByRole('heading').first().textContent()) ?? '';
    expect(title.length).toBeGreaterThan(10);
    await card.getByRole('button', { name: 'Accept' }).click();
    const dialog = tomas.getByRole('dialog');
    await dialog.getByLabel('Owner').selectOption({ label: 'Marta Holloway' });
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => card.locator('[data-testid=card-action]').textContent())
      .toMatch(/^Action for Marta Holloway, due /);
    const action = tomas.locator('[data-testid=worker-action]').filter({ hasText: title });
    await expect
      .poll(() => action.locator('[data-testid=action-owner]').textContent())
      .toBe('Marta Holloway');
    await screenshot(tomas, 'delegated-card-en');
  });

  it('shows the action to its new owner, who closes it with an outcome and reopens it', async () => {
    await signIn(marta, portal.url, demo.wardSupervisor);
    await marta.getByRole('link', { name: 'Actions' }).click();
    const row = marta
      .locator('[data-testid=action-row]')
      .filter({ hasText: 'Jana Kovar' })
      .filter({ hasText: title });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('[data-testid=action-owner]').textContent()).toBe('Marta Holloway');
    // Marta does not supervise Jana: the name is there, the record is not a link.
    expect(await row.getByRole('link', { name: 'Jana Kovar' }).count()).toBe(0);

    await row.getByRole('button', { name: /^Close/ }).click();
    const dialog = marta.getByRole('dialog');
    // No outcome, no closing.
    await dialog.getByRole('button', { name: 'Close the action' }).click();
    await dialog.getByText('Choose how it ended.').waitFor();
    await dialog.getByLabel('Did not help').check();
    await dialog.getByLabel('Note (optional)').fill('Tried twice, no room free');
    await dialog.getByRole('button', { name: 'Close the action' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.count()).toBe(0);

    await marta.getByText('Closed', { exact: true }).click();
    const closed = marta.locator('[data-testid=action-row]').filter({ hasText: title });
    await expect
      .poll(() => closed.locator('[data-testid=action-outcome]').textContent())
      .toMatch(/^Did not help · closed /);
    expect(await closed.textContent()).toContain('Tried twice, no room free');
    await screenshot(marta, 'action-closed-en');
    await closed.getByRole('button', { name: /^Reopen/ }).click();
    await expect.poll(() => closed.count()).toBe(0);
    await marta.getByText('Open', { exact: true }).click();
    await expect
      .poll(() => marta.locator('[data-testid=action-row]').filter({ hasText: title }).count())
      .toBe(1);
  });

  it('gives the action the same title in Czech on both pages', async () => {
    await tomas.reload();
    await tomas.getByText('CS', { exact: true }).click();
    const czech = tomas.locator('[data-testid=worker-action] >> nth=0');
    await czech.waitFor();
    await tomas.getByRole('link', { name: 'Úkoly' }).first().click();
    await tomas.locator('[data-testid=actions-table]').waitFor();
    const rows = tomas.locator('[data-testid=action-row]').filter({ hasText: 'Jana Kovar' });
    const texts = await rows.locator('td:first-child').allTextContents();
    // The English title is gone: the catalog gives the Czech one.
    expect(texts).not.toContain(title);
    expect(texts.length).toBeGreaterThan(0);
    await tomas.getByText('EN', { exact: true }).click();
    await expect.poll(() => rows.locator('td:first-child').allTextContents()).toContain(title);
  });
});
