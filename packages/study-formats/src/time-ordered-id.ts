/**
 * Time-ordered ids (UUID v7, monotonic within the process) for the rows an import creates by the
 * hundred thousand (ADR 0028, 0033): new keys append to the primary-key index. The random bits come
 * from a pooled `randomFillSync` (4 KiB at a time): uuid's own v7 asks webcrypto for 16 bytes per id,
 * which cost about 7 microseconds each, a tenth of a 100,000-segment import's CPU.
 */
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const ID_BYTES = 16;
const POOL_BYTES = ID_BYTES * 256;
const pool = new Uint8Array(POOL_BYTES);
let used = POOL_BYTES;
/** The last id's millisecond and sequence: ids made in the same millisecond count the sequence up. */
let lastMsecs = Number.NEGATIVE_INFINITY;
let seq = 0;

export function timeOrderedId(): string {
  if (used === POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.subarray(used, used + ID_BYTES);
  used += ID_BYTES;
  const now = Date.now();
  if (now > lastMsecs) {
    // A new millisecond starts its sequence at a random 31-bit value, as uuid's own v7 does.
    seq =
      (((random[6] as number) & 0x7f) << 24) |
      ((random[7] as number) << 16) |
      ((random[8] as number) << 8) |
      (random[9] as number);
    lastMsecs = now;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMsecs++;
  }
  return v7({ random, msecs: lastMsecs, seq });
}
