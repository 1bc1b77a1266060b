/**
 * Launches Debian's Chromium through playwright-core (Playwright cannot download browsers here).
 * Under CI=true a missing Chromium is a failure; elsewhere the caller decides how to report it.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium lives: PEERBRIDGE_CHROMIUM overrides the Debian default. */
export const chromiumPath = process.env.PEERBRIDGE_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when the browser binary is there. */
export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath);
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set PEERBRIDGE_CHROMIUM to its path`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}
