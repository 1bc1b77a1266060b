/**
 * Vitest global setup of the e2e project: the portal is built once per run (a production Vite build,
 * tens of seconds of CPU) into a temporary folder that every e2e file's `startPortal` serves.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPortal } from './portal-server';

declare module 'vitest' {
  export interface ProvidedContext {
    portalDistDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = await mkdtemp(join(tmpdir(), 'peerbridge-web-dist-'));
  const distDir = join(work, 'dist');
  await buildPortal(distDir);
  project.provide('portalDistDir', distDir);
  return () => rm(work, { recursive: true, force: true });
}
