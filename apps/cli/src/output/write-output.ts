/** Writing a command's data to `--out` (atomically: a temp file renamed into place) or to stdout. */

import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CliContext } from '../context';
import { CliError } from '../errors/cli-error';

/**
 * Write `content` to `out`, or to stdout when `out` is undefined. Returns the bytes. With --json and
 * no `out`, nothing is written here: the command puts the content into its one JSON document.
 */
export async function writeOutput(
  ctx: CliContext,
  out: string | undefined,
  content: string | Uint8Array,
): Promise<number> {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  if (out === undefined && ctx.json) return bytes;
  if (out === undefined) {
    ctx.stdout.write(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
    return bytes;
  }
  if (!existsSync(dirname(out))) {
    throw new CliError('not_found', `the folder ${dirname(out)} does not exist`, { location: { file: out } });
  }
  // Write beside the target and rename, so a crash never leaves a half-written file under its name.
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, content);
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return bytes;
}
