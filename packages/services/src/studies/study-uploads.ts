/**
 * Study files uploaded over HTTP (the portal, later a remote CLI), kept in a temporary folder until they are
 * committed or discarded: `<dir>/<uuid>/<file name>` beside `<dir>/<uuid>/upload.json` (who uploaded it).
 * Nothing reaches the database before the commit. An upload is its uploader's: anyone else, in any
 * organisation, is told "not found". Uploads older than the time to live are removed on the next upload.
 *
 * The size limit is the import's own (`IMPORT_LIMITS`, the largest file or zip entry a reader accepts);
 * the zip's entry count, sizes and compression ratio are checked by the one REFI-QDA reader when the upload
 * is previewed, exactly as for the CLI.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { IMPORT_LIMITS } from '@peerbridge/refi-qda';
import { StudyInputError } from '@peerbridge/study-formats';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import { nowIso } from '../db';
import { notFound } from '../errors';

export interface StudyUploadLimits {
  /** Largest upload in bytes (default: the largest file the import reads, `IMPORT_LIMITS.maxEntryBytes`). */
  maxBytes: number;
  /** How long an upload waits for its commit before it is removed (default one hour). */
  ttlMs: number;
}

export const STUDY_UPLOAD_LIMITS: Readonly<StudyUploadLimits> = Object.freeze({
  maxBytes: IMPORT_LIMITS.maxEntryBytes,
  ttlMs: 60 * 60 * 1000,
});

/** The file kinds the import reads, by extension (the import decides its reader by it). */
export const STUDY_UPLOAD_EXTENSIONS = ['.qdpx', '.qde', '.csv', '.tsv', '.json', '.txt', '.docx'] as const;

export interface StudyUpload {
  id: string;
  /** The name the file was uploaded under (what the import records). */
  fileName: string;
  bytes: number;
  sha256: string;
  createdAt: string;
}

interface UploadMeta extends StudyUpload {
  userId: string;
  organizationId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const META = 'upload.json';

/** The uploaded name, reduced to a safe base name that keeps its extension; refused when no import reads it. */
export function uploadFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const ext = extname(base).toLowerCase();
  if (!(STUDY_UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new StudyInputError('invalid_input', `cannot import "${base.slice(0, 100)}"`, {
      location: { file: base.slice(0, 100) },
      expected: `a file ending in ${STUDY_UPLOAD_EXTENSIONS.join(', ')}`,
    });
  }
  const stem = base
    .slice(0, base.length - ext.length)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
    .replace(/^[ .]+/, '')
    .slice(0, 100);
  return `${stem || 'upload'}${ext}`;
}

export interface StudyUploads {
  /** Where uploads are kept (error messages are cleaned of it). */
  readonly dir: string;
  readonly limits: Readonly<StudyUploadLimits>;
  /**
   * Spools `body` to a new upload of the actor's. Over `maxBytes`, or ending before `declaredBytes`, it is
   * removed and refused (`too_large` / `invalid_input`, naming the file and the limit).
   */
  receive(
    actor: Actor,
    body: AsyncIterable<Uint8Array>,
    meta: { fileName: string; declaredBytes: number | null },
  ): Promise<StudyUpload>;
  /** The actor's upload and its file, or NOT_FOUND (another person's upload is not found either). */
  open(actor: Actor, id: string): Promise<{ upload: StudyUpload; file: string }>;
  /** Removes the actor's upload (NOT_FOUND when it is not theirs). */
  discard(actor: Actor, id: string): Promise<void>;
  /** Uploads on disk now (tests check that none is left behind). */
  count(): Promise<number>;
}

export function createStudyUploads(
  options: { dir?: string | undefined; limits?: Partial<StudyUploadLimits> | undefined } = {},
): StudyUploads {
  const dir = options.dir ?? join(tmpdir(), 'peerbridge-uploads');
  const limits = { ...STUDY_UPLOAD_LIMITS, ...options.limits };

  async function readMeta(id: string): Promise<UploadMeta | null> {
    if (!UUID.test(id)) return null;
    try {
      return JSON.parse(await readFile(join(dir, id, META), 'utf8')) as UploadMeta;
    } catch {
      return null;
    }
  }

  async function sweep(): Promise<void> {
    const names = await readdir(dir).catch(() => [] as string[]);
    const now = Date.now();
    for (const name of names) {
      if (!UUID.test(name)) continue;
      const info = await stat(join(dir, name)).catch(() => null);
      if (info && now - info.mtimeMs > limits.ttlMs)
        await rm(join(dir, name), { recursive: true, force: true });
    }
  }

  async function ownMeta(actor: Actor, id: string): Promise<UploadMeta> {
    requireRole(actor, 'researcher');
    const meta = await readMeta(id);
    if (!meta || meta.userId !== actor.userId || meta.organizationId !== actor.organizationId)
      throw notFound('Upload');
    return meta;
  }

  return {
    dir,
    limits,
    async receive(actor, body, { fileName: rawName, declaredBytes }) {
      requireRole(actor, 'researcher');
      const fileName = uploadFileName(rawName);
      if (declaredBytes !== null && declaredBytes > limits.maxBytes)
        throw tooLarge(fileName, limits.maxBytes);
      await sweep();
      const id = randomUUID();
      const folder = join(dir, id);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const file = join(folder, fileName);
      const hash = createHash('sha256');
      let bytes = 0;
      try {
        const out = createWriteStream(file, { mode: 0o600 });
        const closed = new Promise<void>((resolve, reject) => {
          out.on('close', resolve);
          out.on('error', reject);
        });
        try {
          for await (const chunk of body) {
            bytes += chunk.byteLength;
            if (bytes > limits.maxBytes) throw tooLarge(fileName, limits.maxBytes);
            hash.update(chunk);
            if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
          }
        } catch (error) {
          if (error instanceof StudyInputError) throw error;
          throw new StudyInputError(
            'invalid_input',
            `the upload ended after ${bytes} bytes${declaredBytes === null ? '' : ` of ${declaredBytes}`}; nothing was kept, upload the file again`,
            { location: { file: fileName }, cause: error },
          );
        } finally {
          out.end();
          await closed;
        }
        if (declaredBytes !== null && bytes !== declaredBytes) {
          throw new StudyInputError(
            'invalid_input',
            `the upload ended after ${bytes} of ${declaredBytes} bytes; nothing was kept, upload the file again`,
            { location: { file: fileName } },
          );
        }
        const upload: StudyUpload = { id, fileName, bytes, sha256: hash.digest('hex'), createdAt: nowIso() };
        const meta: UploadMeta = { ...upload, userId: actor.userId, organizationId: actor.organizationId };
        await writeFile(join(folder, META), JSON.stringify(meta), { mode: 0o600 });
        return upload;
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
    },
    async open(actor, id) {
      const { userId: _u, organizationId: _o, ...upload } = await ownMeta(actor, id);
      return { upload, file: join(dir, id, upload.fileName) };
    },
    async discard(actor, id) {
      await ownMeta(actor, id);
      await rm(join(dir, id), { recursive: true, force: true });
    },
    async count() {
      const names = await readdir(dir).catch(() => [] as string[]);
      return names.filter((n) => UUID.test(n)).length;
    },
  };
}

function tooLarge(fileName: string, maxBytes: number): StudyInputError {
  return new StudyInputError('too_large', `the file is larger than ${maxBytes} bytes`, {
    location: { file: fileName },
    expected: `a file of at most ${maxBytes} bytes (the import's limit)`,
  });
}
