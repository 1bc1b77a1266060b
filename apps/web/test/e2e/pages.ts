/** Small helpers the end-to-end tests share: sign in, wait for a page, take a screenshot into test-artifacts. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const artifactsDir = resolve(import.meta.dirname, '../../test-artifacts');

export const demo = {
  wardSupervisor: { email: 'marta@demo.peerbridge.test', password: 'demo-supervisor-pass' },
  communitySupervisor: { email: 'tomas@demo.peerbridge.test', password: 'demo-supervisor-pass' },
  admin: { email: 'admin@demo.peerbridge.test', password: 'demo-admin-pass' },
  researcher: { email: 'researcher@demo.peerbridge.test', password: 'demo-researcher-pass' },
  peerWorker: { email: 'jana@demo.peerbridge.test', password: 'demo-peer-pass' },
} as const;

/** Signs in through the form, as a person would. */
export async function signIn(
  page: Page,
  baseUrl: string,
  who: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[type=email]').fill(who.email);
  await page.locator('input[type=password]').fill(who.password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Saves a screenshot (the full page unless `fullPage` is false) as test-artifacts/<name>.png. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** The axe-core violations of impact serious or critical on the current page (WCAG 2 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
