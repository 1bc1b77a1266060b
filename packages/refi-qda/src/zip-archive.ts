/** Safe random-access reading of a .qdpx zip: entry-count, size, ratio and path checks before anything is inflated. */

import { closeSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { RefiQdaError } from './errors';
import type { ReadLimits } from './limits';

export interface ZipEntryInfo {
  name: string;
  uncompressedSize: number;
  compressedSize: number;
}

/**
 * Bytes per inflated chunk: zlib's default of 16 KiB makes a 350 MB project XML 22,000 trips through the
 * stream machinery and the parser; 256 KiB makes it 1,400 (issue 10).
 */
const INFLATE_CHUNK = 256 * 1024;

/** The zip compression method this class inflates itself; yauzl handles the others (stored, or an error). */
const DEFLATE = 8;

/**
 * Entries up to this many compressed bytes (a text source, typically a few KB) are read with one positioned
 * read and inflated in one call: a stream per entry cost about 0.9 ms, most of a 1,000-document import's
 * unzip time (issue 10).
 */
const SMALL_ENTRY = 1024 * 1024;

const LOCAL_HEADER = 0x04034b50;

const UNSAFE_NAME = /^(absolute path|invalid relative path|invalid characters in fileName)/;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: true,
        validateEntrySizes: true,
        strictFileNames: false,
      },
      (err, zip) => {
        if (err || !zip) {
          reject(
            new RefiQdaError(
              'invalid_zip',
              `not a readable zip archive (${err?.message ?? 'unknown error'}); a .qdpx must be a complete zip file`,
              { file: path },
              { cause: err },
            ),
          );
        } else resolve(zip);
      },
    );
  });
}

/** Rejects names that could escape a folder if someone extracted them, even though this reader never extracts. */
function checkEntryName(name: string, file: string): void {
  const segments = name.split('/');
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || segments.includes('..') || name.includes('\0')) {
    throw new RefiQdaError(
      'unsafe_zip',
      `entry "${name}" has an absolute or parent-relative path; entries must stay inside the archive`,
      { file },
    );
  }
}

export class SafeZip {
  private readonly byName = new Map<string, yauzl.Entry>();
  private readonly byLowerName = new Map<string, yauzl.Entry[]>();
  /** The archive opened for positioned reads of small entries (on first use). */
  private fd: number | null = null;

  private constructor(
    readonly path: string,
    private readonly zip: yauzl.ZipFile,
    private readonly limits: ReadLimits,
  ) {}

  static async open(path: string, limits: ReadLimits): Promise<SafeZip> {
    const zip = await openZip(path);
    const safe = new SafeZip(path, zip, limits);
    try {
      await safe.readDirectory();
    } catch (err) {
      zip.close();
      throw err;
    }
    return safe;
  }

  private readDirectory(): Promise<void> {
    const { zip, path, limits } = this;
    if (zip.entryCount > limits.maxEntries) {
      return Promise.reject(
        new RefiQdaError(
          'unsafe_zip',
          `archive lists ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted (limit maxEntries)`,
          { file: path },
        ),
      );
    }
    let total = 0;
    return new Promise((resolve, reject) => {
      const fail = (err: unknown) => {
        zip.removeAllListeners('entry');
        reject(err);
      };
      zip.on('error', (err: Error) => {
        const code = UNSAFE_NAME.test(err.message) ? 'unsafe_zip' : 'invalid_zip';
        const hint =
          code === 'unsafe_zip'
            ? 'entries must be relative paths inside the archive'
            : 'the archive is damaged or truncated';
        fail(new RefiQdaError(code, `${err.message}; ${hint}`, { file: path }, { cause: err }));
      });
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          const name = entry.fileName;
          checkEntryName(name, path);
          if (!name.endsWith('/')) {
            if (this.byName.has(name)) {
              throw new RefiQdaError(
                'unsafe_zip',
                `entry "${name}" appears twice; entry names must be unique`,
                {
                  file: path,
                },
              );
            }
            this.checkSizes(entry);
            total += entry.uncompressedSize;
            if (total > limits.maxTotalBytes) {
              throw new RefiQdaError(
                'unsafe_zip',
                `entries add up to more than ${limits.maxTotalBytes} bytes uncompressed (limit maxTotalBytes)`,
                { file: path },
              );
            }
            this.byName.set(name, entry);
            const lower = name.toLowerCase();
            const list = this.byLowerName.get(lower) ?? [];
            list.push(entry);
            this.byLowerName.set(lower, list);
          }
          zip.readEntry();
        } catch (err) {
          fail(err);
        }
      });
      zip.readEntry();
    });
  }

  private checkSizes(entry: yauzl.Entry): void {
    const { limits, path } = this;
    const name = entry.fileName;
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new RefiQdaError(
        'unsafe_zip',
        `entry "${name}" declares ${entry.uncompressedSize} bytes uncompressed; at most ${limits.maxEntryBytes} are accepted (limit maxEntryBytes)`,
        { file: path },
      );
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize >= limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio) {
      throw new RefiQdaError(
        'unsafe_zip',
        `entry "${name}" would inflate ${Math.round(ratio)}x (${entry.compressedSize} -> ${entry.uncompressedSize} bytes); at most ${limits.maxCompressionRatio}x is accepted (limit maxCompressionRatio), this looks like a zip bomb`,
        { file: path },
      );
    }
  }

  /** All file entries (no directories), in archive order. */
  entries(): ZipEntryInfo[] {
    return [...this.byName.values()].map((e) => ({
      name: e.fileName,
      uncompressedSize: e.uncompressedSize,
      compressedSize: e.compressedSize,
    }));
  }

  /** Exact match first, then a case-insensitive one (tools disagree on `sources/` vs `Sources/` and GUID case). */
  find(name: string): ZipEntryInfo | null {
    const entry = this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase())?.[0];
    return entry
      ? {
          name: entry.fileName,
          uncompressedSize: entry.uncompressedSize,
          compressedSize: entry.compressedSize,
        }
      : null;
  }

  /** The entry's bytes; deflated ones as stored, for `stream` to inflate in big chunks. */
  private openStream(entry: yauzl.Entry): Promise<Readable> {
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(
        entry,
        { decompress: entry.compressionMethod === DEFLATE ? false : null },
        (err, stream) => {
          if (err || !stream) {
            reject(
              new RefiQdaError(
                'invalid_zip',
                `cannot read entry "${entry.fileName}" (${err?.message ?? 'unknown error'})`,
                { file: this.path },
                { cause: err },
              ),
            );
          } else resolve(stream);
        },
      );
    });
  }

  /**
   * Streams one entry, stopping with `unsafe_zip` as soon as more than `maxBytes` come out (independent of what
   * the header claims), and with `invalid_zip` if the data is damaged.
   */
  async *stream(name: string, maxBytes: number): AsyncGenerator<Buffer> {
    const entry = this.byName.get(name);
    if (!entry)
      throw new RefiQdaError('file_not_found', `no entry "${name}" in the archive`, { file: this.path });
    if (entry.uncompressedSize > maxBytes) throw this.tooBig(name, maxBytes);
    const raw = await this.openStream(entry);
    const stream =
      entry.compressionMethod === DEFLATE ? raw.pipe(createInflateRaw({ chunkSize: INFLATE_CHUNK })) : raw;
    if (stream !== raw) raw.on('error', (err) => stream.destroy(err));
    let count = 0;
    let crc = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        count += chunk.length;
        if (count > maxBytes) throw this.tooBig(name, maxBytes);
        if (count > entry.uncompressedSize) throw this.liesAboutSize(name, entry.uncompressedSize);
        crc = crc32(chunk, crc);
        yield chunk;
      }
      if (count !== entry.uncompressedSize)
        throw new RefiQdaError(
          'invalid_zip',
          `entry "${name}" is damaged or truncated (it inflates to ${count} bytes, its header declares ${entry.uncompressedSize})`,
          { file: this.path },
        );
      // yauzl does not check CRCs; a damaged entry that still inflates would otherwise pass silently.
      if (crc >>> 0 !== entry.crc32 >>> 0) {
        throw new RefiQdaError(
          'invalid_zip',
          `entry "${name}" is damaged: its CRC-32 does not match the one in the archive`,
          { file: this.path },
        );
      }
    } catch (err) {
      if (err instanceof RefiQdaError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      if (/too many bytes/.test(message)) throw this.liesAboutSize(name, entry.uncompressedSize, err);
      throw new RefiQdaError(
        'invalid_zip',
        `entry "${name}" is damaged or truncated (${message})`,
        { file: this.path },
        { cause: err },
      );
    } finally {
      stream.destroy();
      raw.destroy();
    }
  }

  private liesAboutSize(name: string, declared: number, cause?: unknown): RefiQdaError {
    return new RefiQdaError(
      'unsafe_zip',
      `entry "${name}" inflates to more than the ${declared} bytes its header declares; refusing it as a likely zip bomb`,
      { file: this.path },
      cause === undefined ? undefined : { cause },
    );
  }

  private tooBig(name: string, maxBytes: number): RefiQdaError {
    return new RefiQdaError(
      'unsafe_zip',
      `entry "${name}" is larger than ${maxBytes} bytes uncompressed; refusing to inflate it (raise the limit if the file is genuine)`,
      { file: this.path },
    );
  }

  async readAll(name: string, maxBytes: number): Promise<Buffer> {
    const entry = this.byName.get(name);
    const plain = entry !== undefined && (entry.generalPurposeBitFlag & 1) === 0;
    if (
      plain &&
      entry.compressedSize <= SMALL_ENTRY &&
      (entry.compressionMethod === DEFLATE || entry.compressionMethod === 0)
    )
      return this.readSmall(entry, maxBytes);
    const parts: Buffer[] = [];
    for await (const chunk of this.stream(name, maxBytes)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  /** A small entry in one read and one inflate, with the same checks as `stream`. */
  private readSmall(entry: yauzl.Entry, maxBytes: number): Buffer {
    const name = entry.fileName;
    if (entry.uncompressedSize > maxBytes) throw this.tooBig(name, maxBytes);
    const damaged = (why: string) =>
      new RefiQdaError('invalid_zip', `entry "${name}" is damaged or truncated (${why})`, {
        file: this.path,
      });
    this.fd ??= openSync(this.path, 'r');
    const head = Buffer.alloc(30);
    const at = entry.relativeOffsetOfLocalHeader;
    if (readSync(this.fd, head, 0, 30, at) !== 30 || head.readUInt32LE(0) !== LOCAL_HEADER)
      throw damaged('no local file header where the directory says');
    const raw = Buffer.allocUnsafe(entry.compressedSize);
    const start = at + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    if (readSync(this.fd, raw, 0, raw.length, start) !== raw.length) throw damaged('the file ends inside it');
    let bytes: Buffer;
    if (entry.compressionMethod === 0) bytes = raw;
    else {
      try {
        // One byte more than declared is enough to catch a bomb that lies about its size.
        bytes = inflateRawSync(raw, { maxOutputLength: entry.uncompressedSize + 1 });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw this.liesAboutSize(name, entry.uncompressedSize, err);
        throw damaged(err instanceof Error ? err.message : String(err));
      }
    }
    if (bytes.length > entry.uncompressedSize) throw this.liesAboutSize(name, entry.uncompressedSize);
    if (bytes.length !== entry.uncompressedSize)
      throw damaged(`it inflates to ${bytes.length} bytes, its header declares ${entry.uncompressedSize}`);
    if (crc32(bytes) >>> 0 !== entry.crc32 >>> 0) {
      throw new RefiQdaError(
        'invalid_zip',
        `entry "${name}" is damaged: its CRC-32 does not match the one in the archive`,
        { file: this.path },
      );
    }
    return bytes;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.zip.close();
  }
}

/**
 * Inflates every entry of an archive in order and counts the bytes: the floor of any import (the benchmark
 * compares with it). Same checks and limits as a read.
 */
export async function inflateAllEntries(
  path: string,
  limits: ReadLimits,
): Promise<{ entries: number; bytes: number }> {
  const zip = await SafeZip.open(path, limits);
  try {
    let bytes = 0;
    const entries = zip.entries();
    for (const entry of entries)
      for await (const chunk of zip.stream(entry.name, limits.maxEntryBytes)) bytes += chunk.length;
    return { entries: entries.length, bytes };
  } finally {
    zip.close();
  }
}
