/** Reads a REFI-QDA codebook (.qdc): the code tree and code sets, streamed through the same SAX parser. */

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { RefiQdaError } from './errors';
import { type ReadLimits, resolveLimits } from './limits';
import type { Code, CodeSet, ImportWarning } from './model';
import { parseQde } from './qde-parser';

export interface Codebook {
  origin?: string | undefined;
  codes: Code[];
  sets: CodeSet[];
  warnings: ImportWarning[];
}

export async function readCodebook(
  path: string,
  options: { limits?: Partial<ReadLimits> } = {},
): Promise<Codebook> {
  const limits = resolveLimits(options.limits);
  try {
    await stat(path);
  } catch (cause) {
    throw new RefiQdaError(
      'file_not_found',
      `cannot open the file (${(cause as Error).message})`,
      { file: path },
      { cause },
    );
  }
  const { project } = await parseQde(createReadStream(path), basename(path), limits, 'CodeBook');
  return { origin: project.origin, codes: project.codes, sets: project.sets, warnings: project.warnings };
}
