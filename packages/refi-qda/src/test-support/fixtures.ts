/**
 * Where the REFI-QDA test fixtures live. The MIT-licensed files (the REFI XSDs and the ATLAS.ti sample) are
 * copied into this package's `fixtures/`; the copyleft NVivo sample stays in `../shared` beside the repo and
 * is checked in addition when it is there. Under CI=true it must be there, unless the run declares that it
 * has none (`PEERBRIDGE_SHARED=absent`, the fresh-clone run of `.ci/run`).
 */

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const inPackage = resolve(packageRoot, 'fixtures');
const sharedSamples = resolve(packageRoot, '../../../shared/fixtures/refi-qda/samples');

/** Files that ship with the repository (see fixtures/NOTICE.md for their sources and licences). */
export const fixtures = {
  projectXsd: resolve(inPackage, 'schema/Project-mrt2019.xsd'),
  codebookXsd: resolve(inPackage, 'schema/Codebook.xsd'),
  atlasSample: resolve(inPackage, 'samples/atlasti-8.4-mac-standard-project.qde'),
} as const;

export const NVIVO_SAMPLE = 'nvivo-mac-15.0-nested-codes.qdpx';

/**
 * The path of a sample in `../shared`, or undefined when the folder is not beside this clone.
 * Throws under CI=true when it is missing, so CI never passes by quietly leaving the real samples out.
 */
export function sharedSample(name: string): string | undefined {
  const path = resolve(sharedSamples, name);
  if (existsSync(path)) return path;
  if (process.env.CI === 'true' && process.env.PEERBRIDGE_SHARED !== 'absent') {
    throw new Error(
      `CI=true but the shared sample ${path} is missing; set PEERBRIDGE_SHARED=absent only for a run that has no ../shared.`,
    );
  }
  return undefined;
}
