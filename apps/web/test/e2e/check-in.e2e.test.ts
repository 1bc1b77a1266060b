/**
 * The check-in before supervision end to end (issue 12 item 2, ADR 0039), in Debian Chromium against the
 * real API on a seeded SQLite file: the admin sets a wellbeing contact; on a 390×844 phone the demo PSW
 * answers one team question (shared by default), one private question (kept) and one of the burnout
 * questions the admin enabled (always kept), skipping the rest; the check-in ends with a kind word and the
 * contact; the supervisor's observation list then shows only the shared answer, as a self-report; back on
 * their own record the PSW sees the answers, marked shared or kept, and prints the record on a page that
 * leaves out the portal's frame (ADR 0040).
 */
import { catalog, checkInTexts } from '@peerbridge/domain';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { demo, screenshot, seriousViolations, signIn } from './pages';
import { runBrowser } from './portal-page';
import { type PortalServer, startPortal } from './portal-server';

const CONTACT = { name: 'Synthetic staff support line', phone: '+420 800 123 456' };
const SHARED_LABEL = catalog.indicators.shares_lived_experience.label.en;
const KEPT_LABEL = catalog.indicators.exhaustion.label.en;
const SHARED_QUESTION = checkInTexts.shares_lived_experience.en;
const KEPT_QUESTION = checkInTexts.exhaustion.en;

/** Picks a value of a question's segmented control by its visible label (the radio itself is hidden). */
async function choose(step: Locator, value: string): Promise<void> {
  await step.getByTestId('check-in-answer').locator('label').filter({ hasText: value }).click();
  expect(await step.getByRole('radio', { name: value }).isChecked()).toBe(true);
}

describe.runIf(runBrowser)('check-in before supervision in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    portal = await startPortal();
    desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    desktop.setDefaultTimeout(60_000);
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    phone.setDefaultTimeout(60_000);
    page = await phone.newPage();
  });

  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
    await browser?.close();
    await portal?.stop();
  });

  it('lets a PSW share one answer, keep a private one, and ends with the contacts the admin set', async () => {
    const admin = await desktop.newPage();
    await signIn(admin, portal.url, demo.admin);
    await admin.goto(`${portal.url}/admin?tab=organization`);
    const form = admin.getByTestId('wellbeing-contacts-form');
    await form.getByRole('button', { name: 'Add a contact' }).click();
    await form.getByLabel('Name').fill(CONTACT.name);
    await form.getByLabel('Phone').fill(CONTACT.phone);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    // The burnout questionnaire with the organisation's own (here synthetic) item texts.
    const burnout = admin.getByTestId('burnout-items-form');
    for (const [scale, n] of [
      ['personal', 6],
      ['work', 7],
    ] as const)
      await burnout
        .getByTestId(`burnout-items-${scale}`)
        .fill(Array.from({ length: n }, (_, i) => `Synthetic ${scale} question ${i + 1}`).join('\n'));
    await burnout.getByRole('button', { name: 'Save and turn on' }).click();
    await burnout.getByText('On: the check-in asks these questions.').waitFor();
    await admin.close();

    await signIn(page, portal.url, demo.peerWorker);
    await page.waitForURL((url) => url.pathname === '/my-record');
    await page.getByTestId('check-in-start').click();
    await page.getByRole('heading', { level: 1, name: 'Check-in before supervision' }).waitFor();

    // The first question is a team topic: "share" is preselected.
    const first = page.getByTestId('check-in-step-shares_lived_experience');
    await choose(first, '2');
    expect(await first.getByRole('radio', { name: 'Share with my supervisor' }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('check-in-next').click();

    // Skip every question up to the last one, a private topic.
    while ((await page.getByTestId('check-in-step-exhaustion').count()) === 0)
      await page.getByTestId('check-in-skip').click();
    const last = page.getByTestId('check-in-step-exhaustion');
    await last.getByTestId('check-in-private').waitFor();
    await choose(last, '5');
    // Nothing is preselected for a private topic: Next asks for the choice first.
    expect(await last.getByRole('radio', { name: 'Keep for myself' }).isChecked()).toBe(false);
    await page.getByTestId('check-in-next').click();
    await last.getByText('Choose whether to share this answer or keep it for yourself.').waitFor();
    await last.getByRole('radio', { name: 'Keep for myself' }).check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'check-in-private-phone-en');
    await page.getByTestId('check-in-next').click();

    // The burnout questions follow, kept for the PSW: one answered in words, the rest left out.
    const personal = page.getByTestId('check-in-burnout-personal');
    await personal.getByTestId('check-in-kept').waitFor();
    await personal.getByTestId('check-in-burnout-item').first().getByRole('radio', { name: 'Often' }).check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('check-in-next').click();
    await page.getByTestId('check-in-burnout-work').waitFor();
    await page.getByTestId('check-in-next').click();

    const review = page.getByTestId('check-in-review');
    await review.getByText('1 go to your supervisor, 1 stay with you').waitFor();
    await review.getByText('You answered 1 question just for you: it stays with you.').waitFor();
    await review.getByRole('button', { name: 'Send my check-in' }).click();

    const support = page.getByTestId('check-in-support');
    await support.getByTestId('support-contact').filter({ hasText: CONTACT.name }).waitFor();
    expect(await support.getByRole('link', { name: `Call ${CONTACT.phone}` }).getAttribute('href')).toBe(
      'tel:+420800123456',
    );
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/burnout|score|diagnos/i);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'check-in-support-phone-en');
  });

  it('shows the supervisor only the shared answer, as a self-report', async () => {
    const supervisor = await desktop.newPage();
    await signIn(supervisor, portal.url, demo.communitySupervisor);
    await supervisor.locator('[data-testid=caseload-row]').getByRole('link', { name: 'Jana Kovar' }).click();
    await supervisor.getByRole('tab', { name: /observations/ }).click();
    const rows = supervisor.getByRole('row');
    await rows
      .filter({ hasText: SHARED_LABEL })
      .filter({ hasText: 'Self-report' })
      .filter({ hasText: '2 of 5' })
      .first()
      .waitFor();
    // The kept "5 of 5" for exhaustion reached no list the supervisor reads.
    expect(await rows.filter({ hasText: KEPT_LABEL }).filter({ hasText: '5 of 5' }).count()).toBe(0);
    const main = (await supervisor.locator('main').textContent()) ?? '';
    expect(main).not.toContain('Keep for myself');
    await supervisor.close();
  });

  it('shows the PSW both answers on their own record, marked, and prints it without the portal frame', async () => {
    await page.getByRole('link', { name: 'Back to my record' }).first().click();
    const own = page.getByTestId('own-check-in').first();
    const answer = (question: string) => own.getByTestId('own-check-in-answer').filter({ hasText: question });
    await answer(KEPT_QUESTION)
      .filter({ hasText: '5 of 5' })
      .filter({ hasText: 'Kept for yourself' })
      .waitFor();
    expect(await answer(SHARED_QUESTION).textContent()).toContain('2 of 5 Shared with your supervisor');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'own-record-check-ins-phone-en');

    await page.getByTestId('own-print').click();
    const printed = page.getByTestId('own-record-print');
    await printed
      .getByTestId('own-check-in-answer')
      .filter({ hasText: 'Kept for yourself' })
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.getByTestId('own-print-button').isVisible()).toBe(false);
    expect(await page.locator('header').first().isVisible()).toBe(false);
    await screenshot(page, 'own-record-print-phone-en');
    await page.emulateMedia({ media: 'screen' });
  });
});
