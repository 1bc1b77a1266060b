/**
 * The remote CLI's research routes (issue 14 item 3, ADR 0021), behind an API token only:
 *
 * - `GET  /api/research/studies?limit=&cursor=`  the token owner's studies (a page, as `research.studies`)
 * - `GET  /api/research/codebook?format=&lang=`  the server's codebook file (counts in `x-peerbridge-codebook`)
 * - `POST /api/research/analyze`   `{ study, asOf?, unit?, coOccurrence? }`: the analysis the CLI renders
 * - `POST /api/research/export`    `{ study, format, pseudonymKey?, allowVariables?, csv? }`: the export's
 *   bytes, with its summary in the `x-peerbridge-export` header (base64url JSON)
 * - `POST /api/research/import`    one JSON line of options (`{ study, fileName, kind?, dryRun?, mapping?,
 *   pseudonymKey?, timings? }`), a line feed, then the file's bytes: streamed into the services' upload store
 *   (the portal's, ADR 0020: its size limit, safe file name and cleanup), imported by the same call as the
 *   portal's commit (`importUploadOnce`), removed again.
 *
 * Each calls the same use case as the local CLI, so the answer is the same; a failure comes back as
 * `{ error: { name, code, message, location?, expected?, issues? } }` (the services' typed error, with the
 * server's temporary path replaced by UPLOAD_PATH_MARKER), which the CLI raises again as that error so it
 * prints the same message and exits with the same code. Keys are used for the one request and never stored.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  type Actor,
  analysisOptionsSchema,
  analyzeStudy,
  type Db,
  importUploadOnce,
  invalidInputFromZod,
  listStudies,
  prepareStudyExport,
  type StudyUploads,
  writeStudyExport,
} from '@peerbridge/services';
import { codebookCounts, codebookFileText, mappingFileSchema } from '@peerbridge/study-formats';
import type { Context, Env, Hono } from 'hono';
import { z } from 'zod';
import type { Logger } from '../logger';
import { readRequestToken, tokenActorFor } from './api-tokens';
import { chunksOf } from './request-chunks';

export const REMOTE_RESEARCH_PREFIX = '/api/research/';
/** The streamed upload: exempt from the api's 1 MiB body limit, bounded by the upload store's limit instead. */
export const IMPORT_ROUTE = '/api/research/import';
/** The options line in front of an upload (it holds the mapping). */
const MAX_OPTIONS_BYTES = 1024 * 1024;
const FRAMING = 'one JSON line of options, a line feed, then the file';
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
    readonly code: 'invalid_input',
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
  set: z.string().min(1).max(500).optional(),
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
 * Reads the options line in front of an upload's bytes. `rest` is the file's bytes after it; `close` cancels
 * whatever of the body is left unread (an upload refused part way).
 */
async function readOptionsLine(chunks: AsyncIterable<Uint8Array>) {
  const iterator = chunks[Symbol.asyncIterator]();
  const close = async () => {
    await iterator.return?.();
  };
  const head: Buffer[] = [];
  let headBytes = 0;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done === true)
        throw new UploadError('invalid_input', 'the upload has no file after its options line', FRAMING);
      const chunk = Buffer.from(next.value);
      const newline = chunk.indexOf(0x0a);
      const take = newline < 0 ? chunk : chunk.subarray(0, newline);
      headBytes += take.length;
      if (headBytes > MAX_OPTIONS_BYTES)
        throw new UploadError('invalid_input', 'the upload does not start with its options line', FRAMING);
      head.push(take);
      if (newline < 0) continue;
      let options: unknown;
      try {
        options = JSON.parse(Buffer.concat(head).toString('utf8'));
      } catch {
        throw new UploadError('invalid_input', "the upload's options line is not JSON", FRAMING);
      }
      const first = chunk.subarray(newline + 1);
      async function* rest(): AsyncGenerator<Uint8Array> {
        if (first.length > 0) yield first;
        for (;;) {
          const more = await iterator.next();
          if (more.done === true) return;
          yield more.value;
        }
      }
      return { options, lineBytes: headBytes + 1, rest: rest(), close };
    }
  } catch (error) {
    await close();
    if (error instanceof UploadError) throw error;
    throw new UploadError('invalid_input', 'the upload ended early (truncated); nothing was written');
  }
}

/** An export's bytes into `file` (private to the server) until they are streamed to the client. */
function fileSink(file: string) {
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  return {
    async write(chunk: Buffer) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    },
    async close() {
      out.end();
      await finished(out);
    },
  };
}

export interface RemoteResearchOptions {
  db: Db;
  logger: Logger;
  /** The portal's upload store (its limits, file names and cleanup hold for the CLI's uploads too). */
  uploads: StudyUploads;
}

/** Adds the routes to the app (any bindings: it needs none of them). */
export function mountRemoteResearch<E extends Env>(app: Hono<E>, options: RemoteResearchOptions): void {
  const { db, logger, uploads } = options;

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
        const sink = fileSink(file);
        let delivered: Awaited<ReturnType<typeof writeStudyExport>>;
        try {
          delivered = await writeStudyExport(db, actor, prepared, sink.write);
        } finally {
          await sink.close();
        }
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
      if (body === null) throw new UploadError('invalid_input', 'the upload is empty', FRAMING);
      const { options: raw, lineBytes, rest, close } = await readOptionsLine(chunksOf(body));
      try {
        const input = parseBody(importOptions, raw, 'import options');
        const length = c.req.header('content-length');
        const upload = await uploads.receive(actor, rest, {
          fileName: input.fileName,
          declaredBytes: length !== undefined && /^\d+$/.test(length) ? Number(length) - lineBytes : null,
        });
        const folder = join(uploads.dir, upload.id);
        paths.push(join(folder, upload.fileName), folder);
        const report = await importUploadOnce(db, actor, uploads, upload.id, {
          study: input.study,
          mapping: input.mapping,
          kind: input.kind,
          dryRun: input.dryRun === true,
          via: 'api-token',
          pseudonymKey: input.pseudonymKey ?? null,
          timings: input.timings === true,
        });
        return c.body(replaceAll(JSON.stringify(report), paths.map(jsonEscaped)), 200, {
          'content-type': 'application/json',
        });
      } catch (error) {
        // The rest of a body refused part way is not read: the connection cannot carry another request.
        c.header('connection', 'close');
        throw error;
      } finally {
        await close();
      }
    }),
  );
}
