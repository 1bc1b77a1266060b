/**
 * Writing an export's bytes to a new file chunk by chunk, with a safe point after each chunk (so an
 * interrupt stops a big write between chunks), counting the bytes and hashing them for the audit event.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { DeliveredFile } from '@peerbridge/services';

/** Chunks of a string: 64 KiB of UTF-16 units each (a surrogate pair is never split). */
export function* textChunks(text: string, size = 65_536): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
    yield text.slice(start, end);
    start = end;
  }
}

/** Writes `chunks` to `file` (which must not exist), awaiting `afterChunk` after each one. */
export async function writeChunks(
  file: string,
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  afterChunk: () => Promise<void>,
): Promise<DeliveredFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(file, 'wx');
  try {
    for await (const chunk of chunks) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let at = 0; at < buffer.byteLength; ) {
        at += (await handle.write(buffer, at, buffer.byteLength - at)).bytesWritten;
      }
      hash.update(buffer);
      bytes += buffer.byteLength;
      await afterChunk();
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}
