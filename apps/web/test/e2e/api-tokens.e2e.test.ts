/**
 * API tokens end to end, in Debian Chromium against the real API (ADR 0021): a researcher creates a
 * token on the account page (shown once), the token works on the remote CLI's routes and reaches no
 * supervision data, and revoking it in the page refuses it from then on.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, screenshot, signIn } from './pages';
import { closePortalPage, openPortalPage, runBrowser } from './portal-page';
import type { PortalServer } from './portal-server';

describe.runIf(runBrowser)('API tokens in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token = '';

  beforeAll(async () => {
    ({ portal, browser, context, page } = await openPortalPage());
  });
  afterAll(() => closePortalPage({ portal, browser, context, page }));

  const studies = (bearer: string) =>
    fetch(`${portal.url}/api/research/studies`, { headers: { authorization: `Bearer ${bearer}` } });

  it('creates a token on the account page and shows it once', async () => {
    await signIn(page, portal.url, demo.researcher);
    await page.goto(`${portal.url}/account`);
    const section = page.getByTestId('api-tokens');
    await section.getByRole('heading', { name: 'API tokens' }).waitFor();
    await section.getByLabel('What the token is for').fill('laptop');
    await section.getByRole('button', { name: 'Create token' }).click();
    token = (await page.getByTestId('new-token').textContent()) ?? '';
    expect(token).toMatch(/^pbt_[A-Za-z0-9_-]{43}$/);
    const row = page.getByTestId('tokens-table').getByRole('row').filter({ hasText: 'laptop' });
    await row.getByText('Active').waitFor();
    // The list shows only the prefix, never the token.
    expect(await page.getByTestId('tokens-table').textContent()).not.toContain(token);
    await screenshot(page, 'api-tokens-en');
  });

  it('the token reaches research, and supervision answers it as signed out', async () => {
    expect((await studies(token)).status).toBe(200);
    const caseload = await fetch(`${portal.url}/trpc/supervision.caseload`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(caseload.status).toBe(401);
  });

  it('revoking it in the page refuses it from then on', async () => {
    const row = page.getByTestId('tokens-table').getByRole('row').filter({ hasText: 'laptop' });
    await row.getByRole('button', { name: 'Revoke the token "laptop"' }).click();
    await row.getByText(/^Revoked /).waitFor();
    expect((await studies(token)).status).toBe(401);
  });

  it('is not offered to a supervisor', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const supervisorPage = await other.newPage();
    await signIn(supervisorPage, portal.url, demo.wardSupervisor);
    await supervisorPage.goto(`${portal.url}/account`);
    await supervisorPage.getByRole('heading', { name: 'Change password' }).waitFor();
    expect(await supervisorPage.getByTestId('api-tokens').count()).toBe(0);
    await other.close();
  });
});
