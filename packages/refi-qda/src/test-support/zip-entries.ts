/** Test helper: every entry of a zip (a written .qdpx) as bytes, read with the package's own safe zip reader. */

import { DEFAULT_LIMITS } from '../limits';
import { SafeZip } from '../zip-archive';

export async function readZipEntries(path: string): Promise<Map<string, Buffer>> {
  const zip = await SafeZip.open(path, { ...DEFAULT_LIMITS });
  try {
    const out = new Map<string, Buffer>();
    for (const e of zip.entries()) out.set(e.name, await zip.readAll(e.name, DEFAULT_LIMITS.maxEntryBytes));
    return out;
  } finally {
    zip.close();
  }
}
