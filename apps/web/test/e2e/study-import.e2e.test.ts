/**
 * A researcher's import end to end, in Debian Chromium against the real API on a seeded SQLite file
 * (issue 14): upload the synthetic Czech project, see its preview, map one unmapped code in the mapping
 * editor and preview again, commit, see the study, and download the pseudonymised qdpx with a key file.
 */
import { SPEC_CONVENTION } from '@peerbridge/refi-qda';
import { readZipEntries, syntheticQdpx } from '@peerbridge/refi-qda/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, screenshot, seriousViolations, signIn } from './pages';
import { closePortalPage, openPortalPage, runBrowser } from './portal-page';
import type { PortalServer } from './portal-server';

describe.runIf(runBrowser)('a researcher imports a study in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ portal, browser, context, page } = await openPortalPage({ acceptDownloads: true }));
  });
  afterAll(() => closePortalPage({ portal, browser, context, page }));

  it('uploads the synthetic Czech project and shows its preview, with its codes unmapped', async () => {
    await signIn(page, portal.url, demo.researcher);
    await page.goto(`${portal.url}/studies`);
    await page.getByRole('link', { name: 'Import a study' }).click();
    await page.waitForURL((url) => url.pathname === '/studies/import');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Study').fill('Syntetická studie');
    await page.locator('input[type=file]').setInputFiles({
      name: 'syntetický-projekt.qdpx',
      mimeType: 'application/zip',
      buffer: syntheticQdpx(SPEC_CONVENTION),
    });
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    const preview = page.locator('[data-testid=import-preview]');
    await preview.waitFor();
    expect(await preview.getByRole('heading').first().textContent()).toContain('syntetický-projekt.qdpx');
    expect(await page.locator('[data-testid=count-document] td').nth(1).textContent()).toBe('2');
    expect(await page.locator('[data-testid=count-study_observation] td').nth(1).textContent()).toBe('0');
    // Radost and Únava code the selections; the folder Emoce is not codable and Místa::řeka codes nothing.
    await expect.poll(() => page.locator('[data-testid=unmapped-code]').count()).toBe(2);
    expect(await page.locator('[data-testid=still-unmapped]').textContent()).toBe(
      '2 codes are unmapped in this preview.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'study-import-preview');
  });

  it('maps one unmapped code in the mapping editor and previews again', async () => {
    const select = page.locator('input[aria-label="Indicator for Radost"]');
    await select.focus();
    await page.keyboard.type('Shares lived');
    await page.getByRole('option', { name: 'Shares lived experience' }).click();
    await expect.poll(() => select.inputValue()).toBe('Shares lived experience');
    await page.getByRole('button', { name: 'Preview with this mapping' }).click();
    await expect
      .poll(() => page.locator('[data-testid=still-unmapped]').textContent())
      .toBe('1 code is unmapped in this preview.');
    // Radost codes half of the selections: interview observations now.
    expect(await page.locator('[data-testid=count-study_observation] td').nth(1).textContent()).not.toBe('0');
  });

  it('commits and shows the study', async () => {
    await page.getByRole('button', { name: 'Commit the import' }).click();
    await page.waitForURL((url) => /^\/studies\/(?!import)[^/]+$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: 'Syntetická studie' }).waitFor();
    await page.locator('[data-testid=participants]').waitFor();
    expect(await page.locator('[data-testid=participants] tbody tr').count()).toBe(2);
    await page.goto(`${portal.url}/studies`);
    await page.getByRole('link', { name: 'Syntetická studie' }).click();
    await page.locator('[data-testid=study-downloads]').waitFor();
  });

  it('downloads the pseudonymised qdpx with the key file: no case name in it, keyed pseudonyms instead', async () => {
    const qdpx = page.getByRole('button', { name: 'REFI-QDA (.qdpx)' });
    await page.getByRole('switch', { name: 'Pseudonymise' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => qdpx.isDisabled()).toBe(true);
    await page.locator('input[type=file]').setInputFiles({
      name: 'study.key',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('e2e-synthetic-key-0123456789abcdef\n'),
    });
    await expect.poll(() => qdpx.isDisabled()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    const downloading = page.waitForEvent('download');
    await qdpx.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/-pseudonymised\.qdpx$/);
    const file = await download.path();
    const xml = (await readZipEntries(file)).get('project.qde')?.toString('utf8') ?? '';
    expect(xml).toContain('<Project');
    expect(xml).not.toContain('Účastnice A');
    expect(xml).not.toContain('Účastník B');
    expect(xml).toMatch(/P-[0-9a-f]{16}/);
    await screenshot(page, 'study-downloads');
  });
});
