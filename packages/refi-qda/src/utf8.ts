/** Strict UTF-8 decoding: invalid bytes become a `bad_encoding` error naming the file and byte offset, never U+FFFD. */

import { RefiQdaError } from './errors';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** UTF-16 byte order marks: a common way for a "text file" to not be UTF-8 at all. */
function utf16Bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return null;
}

/**
 * Index of the first byte that is not part of a valid UTF-8 sequence, or -1. A sequence cut off by the end of
 * the buffer counts as invalid unless `allowTruncatedTail` (used for stream chunks).
 */
export function findInvalidUtf8(bytes: Uint8Array, allowTruncatedTail = false): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= n) {
      // The sequence runs past the end: invalid for a whole file, maybe just split for a stream chunk.
      if (!allowTruncatedTail) return i;
      for (let k = i + 1; k < n; k++) if ((bytes[k]! & 0xc0) !== 0x80) return i;
      return -1;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line (1-based) of a byte offset, for error messages. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export interface DecodedText {
  /** The text without a leading BOM. */
  text: string;
  hadBom: boolean;
}

/** Decodes a whole file strictly as UTF-8, reporting the BOM separately. */
export function decodeUtf8Strict(bytes: Uint8Array, file: string): DecodedText {
  const other = utf16Bom(bytes);
  if (other) {
    throw new RefiQdaError(
      'bad_encoding',
      `the file starts with a ${other} byte order mark; expected UTF-8 text`,
      {
        file,
      },
    );
  }
  const hadBom = startsWithUtf8Bom(bytes);
  let text: string;
  try {
    // The native decoder is fast; the byte-by-byte scan only runs to say where a failure is.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      hadBom ? bytes.subarray(3) : bytes,
    );
  } catch (cause) {
    const bad = findInvalidUtf8(bytes);
    const hex = Array.from(bytes.subarray(bad, bad + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new RefiQdaError(
      'bad_encoding',
      `invalid UTF-8 at byte ${bad} (line ${lineOfByte(bytes, bad)}, bytes ${hex}); REFI-QDA text must be UTF-8 (is it Latin-1 or Windows-1252?)`,
      { file },
      { cause },
    );
  }
  return { text, hadBom };
}

/**
 * Streaming strict decoder for the project XML. Keeps a running byte count so an error can say where the bad
 * bytes are. A leading BOM is dropped.
 */
export class StrictUtf8StreamDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private bytesSeen = 0;
  private newlinesSeen = 0;
  private first = true;

  constructor(private readonly file: string) {}

  get byteCount(): number {
    return this.bytesSeen;
  }

  decode(chunk: Uint8Array): string {
    if (this.first && chunk.length > 0) {
      this.first = false;
      const other = utf16Bom(chunk);
      if (other) {
        throw new RefiQdaError('bad_encoding', `starts with a ${other} byte order mark; expected UTF-8`, {
          file: this.file,
        });
      }
    }
    const start = this.bytesSeen;
    const linesBefore = this.newlinesSeen;
    this.bytesSeen += chunk.length;
    // Counted with the native byte search: a loop over every byte in JS cost a second per 40 MB of XML.
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) this.newlinesSeen++;
    try {
      return this.decoder.decode(chunk, { stream: true });
    } catch (cause) {
      const inChunk = findInvalidUtf8(chunk, true);
      const where =
        inChunk >= 0
          ? `at byte ${start + inChunk} (line ${linesBefore + lineOfByte(chunk, inChunk)})`
          : `in bytes ${start}-${this.bytesSeen}`;
      throw new RefiQdaError(
        'bad_encoding',
        `invalid UTF-8 ${where}; the project XML must be UTF-8`,
        { file: this.file },
        { cause },
      );
    }
  }

  end(): string {
    try {
      return this.decoder.decode();
    } catch (cause) {
      throw new RefiQdaError(
        'bad_encoding',
        'the file ends in the middle of a UTF-8 sequence',
        { file: this.file },
        { cause },
      );
    }
  }
}
