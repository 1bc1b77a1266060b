/**
 * The REFI-QDA fixtures the CLI's tests use: the MIT files that ship in @peerbridge/refi-qda, a synthetic
 * NVivo-like project written on demand, and the real NVivo sample from ../shared when it is there.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, NVIVO_SAMPLE, nvivoLikeQdpx, sharedSample } from '@peerbridge/refi-qda/testing';

export const atlasSample = fixtures.atlasSample;
/** AGPL-3.0: read from ../shared only, and undefined when that folder is absent. */
export const nvivoSample = sharedSample(NVIVO_SAMPLE);

/** Writes the synthetic project with NVivo for Mac's quirks into `dir` and returns its path. */
export function writeNvivoLike(dir: string): string {
  const file = join(dir, 'nvivo-like.qdpx');
  writeFileSync(file, nvivoLikeQdpx());
  return file;
}

/** The REFI-QDA schemas (MIT), to validate what the CLI writes. */
export const projectSchema = fixtures.projectXsd;
export const codebookSchema = fixtures.codebookXsd;
