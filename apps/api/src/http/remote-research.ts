/**
 * The remote CLI's research routes (issue 14 item 3, ADR 0021), behind an API token only:
 *
 * - `GET  /api/research/studies?limit=&cursor=`  the token owner's studies (a page, as `research.studies`)
 * - `GET  /api/research/codebook?format=&lang=`  the server's codebook file (counts in `x-peerbridge-codebook`)
 * - `POST /api/research/analyze`   `{ study, asOf?, unit?, coOccurrence? }`: the analysis the CLI renders
 * - `POST /api/research/export`    `{ study, format, pseudonymKey?, allowVariables?, csv? }`: the export's
 *   bytes, with its summary in the `x-peerbridge-export` header (base64url JSON)
 * - `POST /api/research/import`    one JSON line of options (`{ study, fileName, kind?, dryRun?, mapping?,
 *   pseudonymKey?, timings? }`), a line feed, then the file's bytes: streamed to a private temporary file
 *   (at most MAX_UPLOAD_BYTES), imported by the services' one pipeline, removed again.
 *
 * Each calls the same use case as the local CLI, so the answer is the same; a failure comes back as
 * `{ error: { name, code, message, location?, expected?, issues? } }` (the services' typed error, with the
 * server's temporary path replaced by UPLOAD_PATH_MARKER), which the CLI raises again as that error so it
 * prints the same message and exits with the same code. Keys are used for the one request and never stored.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { IMPORT_LIMITS, projectZipStream } from '@peerbridge/refi-qda';
import {
  type Actor,
  analysisOptionsSchema,
  analyzeStudy,
  type Db,
  importStudy,
  invalidInputFromZod,
  listStudies,
  prepareStudyExport,
  recordStudyExport,
} from '@peerbridge/services';
import {
  codebookCounts,
  codebookFileText,
  mappingFileSchema,
  silentProgress,
} from '@peerbridge/study-formats';
import type { Context, Env, Hono } from 'hono';
import { z } from 'zod';
import type { Logger } from '../logger';
import { readRequestToken, tokenActorFor } from './api-tokens';

export const REMOTE_RESEARCH_PREFIX = '/api/research/';
/** The streamed upload: exempt from the api's 1 MiB body limit, bounded by MAX_UPLOAD_BYTES instead. */
export const IMPORT_ROUTE = '/api/research/import';
/** The largest upload: a REFI-QDA project's largest entry (IMPORT_LIMITS.maxEntryBytes). */
export const MAX_UPLOAD_BYTES = IMPORT_LIMITS.maxEntryBytes;
/** The options line in front of an upload (it holds the mapping). */
const MAX_OPTIONS_BYTES = 1024 * 1024;
/** Stands for the uploaded file in errors and reports; the CLI puts its own path back. */
export const UPLOAD_PATH_MARKER = '<uploaded file>';

const STATUS: Record<string, 400 | 403 | 404 | 409 | 413> = {
  not_found: 404,
  file_not_found: 404,
  forbidden: 403,
  conflict: 409,
  too_large: 413,
};

const TYPED_ERRORS = new Set(['StudyInputError', 'RefiQdaError', 'ServiceError', 'DomainValidationError']);

class UploadError extends Error {
  override name = 'StudyInputError';
  constructor(
    readonly code: 'invalid_input' | 'too_large' | 'usage',
    message: string,
    readonly expected?: string,
  ) {
    super(message);
  }
}

const keySchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'expected the key as base64' })
  .max(4096)
  .transform((s) => new Uint8Array(Buffer.from(s, 'base64')))
  .refine((k) => k.length >= 16, { message: 'expected a key of at least 16 bytes' });

const codebookQuery = z.object({
  format: z.enum(['qdc', 'json', 'csv']).default('qdc'),
  lang: z.enum(['en', 'cs']).default('en'),
});
const analyzeBody = analysisOptionsSchema.extend({
  study: z.string().min(1).max(200),
  asOf: z.string().max(20).optional(),
});
const exportBody = z.object({
  study: z.string().min(1).max(200),
  format: z.enum(['json', 'csv', 'qdpx']),
  pseudonymKey: keySchema.optional(),
  allowVariables: z.array(z.string().max(200)).max(1000).optional(),
  csv: z
    .object({
      table: z.enum(['segments', 'participants', 'codes']).optional(),
      formulaGuard: z.boolean().optional(),
      bom: z.boolean().optional(),
    })
    .optional(),
});
const importOptions = z.object({
  study: z.string().max(200),
  fileName: z
    .string()
    .min(1)
    .max(255)
    .refine((n) => basename(n) === n && n !== '.' && n !== '..' && !n.includes('\0'), {
      message: 'expected a file name without a folder',
    }),
  kind: z.enum(['participants', 'segments', 'observations']).optional(),
  dryRun: z.boolean().optional(),
  timings: z.boolean().optional(),
  mapping: mappingFileSchema.optional(),
  pseudonymKey: keySchema.optional(),
});

function parseBody<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInputFromZod(result.error, what);
  return result.data;
}

function replaceAll(text: string, paths: ReadonlyArray<string>): string {
  let out = text;
  for (const path of paths) out = out.split(path).join(UPLOAD_PATH_MARKER);
  return out;
}

/** The JSON answer for a typed error of the packages, or null for anything else (a 500 or a 503). */
function typedErrorResponse(c: Context, error: unknown, paths: ReadonlyArray<string>): Response | null {
  if (!(error instanceof Error) || !TYPED_ERRORS.has(error.name)) return null;
  const e = error as Error & Record<string, unknown>;
  const body = {
    error: {
      name: e.name,
      code: e.code,
      message: e.message,
      ...(e.location === undefined ? {} : { location: e.location }),
      ...(e.expected === undefined ? {} : { expected: e.expected }),
      ...(Array.isArray(e.issues) ? { issues: e.issues } : {}),
    },
  };
  const status = STATUS[String(e.code)] ?? 400;
  return c.body(replaceAll(JSON.stringify(body), paths.map(jsonEscaped)), status, {
    'content-type': 'application/json',
  });
}

function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function unauthorized(c: Context, message: string): Response {
  return c.json({ error: { name: 'TokenError', code: 'unauthorized', message } }, 401);
}

/**
 * Reads the options line and streams the rest of the body to `file`, at most MAX_UPLOAD_BYTES.
 * Returns the options' JSON text.
 */
async function spoolUpload(
  body: ReadableStream<Uint8Array>,
  file: string,
  maxBytes: number,
): Promise<unknown> {
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const head: Buffer[] = [];
  let headBytes = 0;
  let options: unknown;
  let written = 0;
  try {
    for await (const value of Readable.fromWeb(body as import('node:stream/web').ReadableStream)) {
      let chunk = Buffer.from(value as Uint8Array);
      if (options === undefined) {
        const newline = chunk.indexOf(0x0a);
        const take = newline < 0 ? chunk : chunk.subarray(0, newline);
        headBytes += take.length;
        if (headBytes > MAX_OPTIONS_BYTES)
          throw new UploadError(
            'invalid_input',
            'the upload does not start with its options line',
            'one JSON line of options, a line feed, then the file',
          );
        head.push(take);
        if (newline < 0) continue;
        try {
          options = JSON.parse(Buffer.concat(head).toString('utf8'));
        } catch {
          throw new UploadError(
            'invalid_input',
            "the upload's options line is not JSON",
            'one JSON line of options, a line feed, then the file',
          );
        }
        chunk = chunk.subarray(newline + 1);
      }
      written += chunk.length;
      if (written > maxBytes)
        throw new UploadError(
          'too_large',
          `the upload is larger than ${maxBytes} bytes; nothing was written`,
        );
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  } catch (error) {
    out.destroy();
    if (error instanceof UploadError) throw error;
    throw new UploadError('invalid_input', 'the upload ended early (truncated); nothing was written');
  }
  out.end();
  await finished(out);
  if (options === undefined)
    throw new UploadError(
      'invalid_input',
      'the upload has no file after its options line',
      'one JSON line of options, a line feed, then the file',
    );
  return options;
}

/** Writes an export's bytes to `file`, counting and hashing them for its audit event. */
async function writeExport(file: string, chunks: AsyncIterable<unknown> | Iterable<unknown>) {
  const hash = createHash('sha256');
  let bytes = 0;
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  for await (const part of chunks) {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part as Uint8Array);
    hash.update(buffer);
    bytes += buffer.length;
    if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
  return { bytes, sha256: hash.digest('hex') };
}

export interface RemoteResearchOptions {
  db: Db;
  logger: Logger;
  /** Largest upload in bytes (default MAX_UPLOAD_BYTES); tests lower it. */
  maxUploadBytes?: number | undefined;
}

/** Adds the routes to the app (any bindings: it needs none of them). */
export function mountRemoteResearch<E extends Env>(app: Hono<E>, options: RemoteResearchOptions): void {
  const { db, logger } = options;
  const maxUploadBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;

  /** The token's actor for this route, or the 401 to answer. */
  async function actorOf(c: Context): Promise<Actor | Response> {
    const token = await readRequestToken(db, c.req.raw.headers);
    if (token === null)
      return unauthorized(
        c,
        'these routes take an API token (Authorization: Bearer pbt_...); run `peerbridge login`',
      );
    const actor = await tokenActorFor(db, token, c.req.path, logger);
    if (actor === null)
      return unauthorized(
        c,
        'the server refused the API token: it is unknown or revoked, or its owner is no longer a researcher; create a new one and run `peerbridge login` again',
      );
    return actor;
  }

  /** Runs `work` as the token's actor; typed errors become their JSON answer. */
  const route =
    (work: (c: Context, actor: Actor, paths: string[]) => Promise<Response>) => async (c: Context) => {
      c.header('cache-control', 'no-store');
      const actor = await actorOf(c);
      if (actor instanceof Response) return actor;
      const paths: string[] = [];
      try {
        return await work(c, actor, paths);
      } catch (error) {
        const answer = typedErrorResponse(c, error, paths);
        if (answer) return answer;
        throw error;
      }
    };

  const jsonOf = async (c: Context): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      throw new UploadError('invalid_input', 'the request body is not JSON', 'a JSON object');
    }
  };

  app.get(
    '/api/research/studies',
    route(async (c, actor) => {
      const limit = c.req.query('limit');
      const cursor = c.req.query('cursor');
      return c.json(
        await listStudies(db, actor, {
          ...(limit === undefined ? {} : { limit: Number(limit) }),
          ...(cursor === undefined ? {} : { cursor }),
        }),
      );
    }),
  );

  app.get(
    '/api/research/codebook',
    route(async (c) => {
      const { format, lang } = parseBody(codebookQuery, c.req.query(), 'codebook request');
      return c.body(codebookFileText(format, lang), 200, {
        'content-type': 'text/plain; charset=utf-8',
        'x-peerbridge-codebook': JSON.stringify(codebookCounts(lang)),
      });
    }),
  );

  app.post(
    '/api/research/analyze',
    route(async (c, actor) => {
      const input = parseBody(analyzeBody, await jsonOf(c), 'analysis request');
      return c.json(await analyzeStudy(db, actor, input));
    }),
  );

  app.post(
    '/api/research/export',
    route(async (c, actor, paths) => {
      const input = parseBody(exportBody, await jsonOf(c), 'export request');
      const prepared = await prepareStudyExport(db, actor, {
        study: input.study,
        format: input.format,
        pseudonymKey: input.pseudonymKey ?? null,
        allowVariables: input.allowVariables,
        via: 'api-token',
        csv: input.csv,
      });
      const dir = await mkdtemp(join(tmpdir(), 'peerbridge-export-'));
      paths.push(dir);
      const file = join(dir, 'export');
      try {
        const chunks =
          prepared.json !== undefined
            ? [`${JSON.stringify(prepared.json, null, 2)}\n`]
            : prepared.csv !== undefined
              ? [prepared.csv]
              : prepared.qdpx !== undefined
                ? (projectZipStream(prepared.qdpx.project, { origin: 'PeerBridge' })
                    .stream as AsyncIterable<unknown>)
                : [];
        const delivered = await writeExport(file, chunks);
        await recordStudyExport(db, actor, prepared, delivered);
        const summary = {
          study: prepared.study.study.name,
          pseudonymized: prepared.pseudonymized,
          pseudonymization: prepared.pseudonymization,
          participants: prepared.study.participants.length,
          documents: prepared.study.documents.length,
          codes: prepared.study.codes.length,
          segments: prepared.study.segments.length - prepared.skippedSegments,
          skippedSegments: prepared.skippedSegments,
          bytes: delivered.bytes,
          sha256: delivered.sha256,
        };
        const size = (await stat(file)).size;
        const stream = createReadStream(file);
        stream.once('close', () => void rm(dir, { recursive: true, force: true }));
        return new Response(Readable.toWeb(stream) as ReadableStream, {
          status: 200,
          headers: {
            'content-type': 'application/octet-stream',
            'content-length': String(size),
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
            'x-peerbridge-export': Buffer.from(JSON.stringify(summary), 'utf8').toString('base64url'),
          },
        });
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }),
  );

  app.post(
    IMPORT_ROUTE,
    route(async (c, actor, paths) => {
      const body = c.req.raw.body;
      if (body === null)
        throw new UploadError(
          'invalid_input',
          'the upload is empty',
          'one JSON line of options, a line feed, then the file',
        );
      const dir = await mkdtemp(join(tmpdir(), 'peerbridge-upload-'));
      try {
        const spool = join(dir, 'upload');
        const raw = await spoolUpload(body, spool, maxUploadBytes);
        const input = parseBody(importOptions, raw, 'import options');
        // The services read the format from the name: the spooled file takes the uploaded file's name.
        const file = join(dir, input.fileName);
        paths.push(file, dir);
        await rename(spool, file);
        const report = await importStudy(
          db,
          actor,
          {
            file,
            fileName: input.fileName,
            study: input.study,
            mapping: input.mapping,
            kind: input.kind,
            dryRun: input.dryRun === true,
            via: 'api-token',
            pseudonymKey: input.pseudonymKey ?? null,
            timings: input.timings === true,
          },
          silentProgress,
        );
        return c.body(replaceAll(JSON.stringify(report), paths.map(jsonEscaped)), 200, {
          'content-type': 'application/json',
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }),
  );
}
