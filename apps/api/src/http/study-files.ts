/**
 * The researcher's study files over plain HTTP (issue 14, ADR 0020), thin over the services:
 * - `POST /api/studies/uploads?study=<name>&fileName=<name>[&kind=participants|segments|observations]`: the
 *   request body is the file's bytes, streamed to a temporary file (never to the database) under the
 *   import's size limit, then previewed with the import's own reader and limits; answers 201 with the
 *   upload and its preview. The preview, a mapping and the commit are tRPC calls (`research.previewUpload`,
 *   `research.commitUpload`); `DELETE /api/studies/uploads/:uploadId` removes an upload.
 * - `GET /api/studies/:studyId/export?format=json|csv|qdpx[&table=segments|participants|codes]`: the owner's
 *   study as a download; with the header `x-peerbridge-pseudonym-key` (the key file's bytes in base64) it is
 *   pseudonymised (ADR 0022). The key is never stored, logged or audited.
 * Behind the session cookie now; the caller is resolved in one place (`sessionActor`) so that a token can
 * authenticate these routes later. A refusal naming a study is audited, as in tRPC (ADR 0009).
 */
import {
  type Actor,
  type Db,
  discardUpload,
  exportStudyFile,
  parseUploadQuery,
  previewUpload,
  recordRefusal,
  ServiceError,
  type StudyUploads,
  studyInputServiceError,
} from '@peerbridge/services';
import { pseudonymKeyOf, StudyInputError } from '@peerbridge/study-formats';
import type { Context, Env, Hono } from 'hono';
import type { Auth } from '../auth';
import type { Logger } from '../logger';
import { crossSiteCheck } from './origin-check';
import { chunksOf } from './request-chunks';
import { serviceErrorResponse } from './service-error-response';
import { sessionActor } from './session-actor';

/** The upload route: the one route whose body is not held to the api's 1 MiB body limit. */
export const STUDY_UPLOAD_PATH = '/api/studies/uploads';
export const PSEUDONYM_KEY_HEADER = 'x-peerbridge-pseudonym-key';

interface Options {
  db: Db;
  auth: Auth;
  uploads: StudyUploads;
  trustedOrigins: ReadonlyArray<string>;
  logger: Logger;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function unauthorized(c: Context) {
  return c.json({ error: { code: 'UNAUTHORIZED', message: 'Sign in first' } }, 401);
}

/** The pseudonymisation key sent with an export, or null; a malformed or short key is refused. */
function keyOf(header: string | undefined): Uint8Array | null {
  if (header === undefined || header.trim() === '') return null;
  const text = header.trim();
  if (!BASE64.test(text))
    throw new ServiceError(
      'invalid_input',
      `Invalid ${PSEUDONYM_KEY_HEADER}: expected the key file's bytes in base64`,
      [{ path: PSEUDONYM_KEY_HEADER, expected: "the key file's bytes in base64", message: 'not base64' }],
    );
  try {
    return pseudonymKeyOf(Buffer.from(text, 'base64'), { file: 'the key file' });
  } catch (error) {
    throw studyInputServiceError(error, '') ?? error;
  }
}

/** Audits a refusal of a request naming a study (NOT_FOUND or FORBIDDEN), as tRPC does for its procedures. */
async function auditRefusal(
  options: Options,
  actor: Actor,
  procedure: string,
  studyId: string,
  error: unknown,
) {
  if (!(error instanceof ServiceError) || (error.code !== 'not_found' && error.code !== 'forbidden')) return;
  try {
    await recordRefusal(options.db, actor, {
      procedure,
      outcome: error.code === 'not_found' ? 'NOT_FOUND' : 'FORBIDDEN',
      target: { field: 'studyId', entityType: 'study', entityId: studyId.slice(0, 100) },
    });
  } catch (failure) {
    options.logger.error({ err: failure, procedure }, 'refusal not audited');
  }
}

export function mountStudyFiles<E extends Env>(app: Hono<E>, options: Options) {
  const { db, auth, uploads } = options;
  app.use('/api/studies/*', crossSiteCheck(options.trustedOrigins));
  app.use('/api/studies/*', async (c, next) => {
    await next();
    c.res.headers.set('cache-control', 'no-store');
  });

  app.post(STUDY_UPLOAD_PATH, async (c) => {
    const actor = await sessionActor(db, auth, c.req.raw.headers);
    if (!actor) return unauthorized(c);
    try {
      const { study, kind } = parseUploadQuery({
        study: c.req.query('study') ?? '',
        kind: c.req.query('kind'),
      });
      const length = c.req.header('content-length');
      const declaredBytes = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
      const body = chunksOf(c.req.raw.body);
      let upload: Awaited<ReturnType<StudyUploads['receive']>>;
      try {
        upload = await uploads.receive(actor, body, {
          fileName: c.req.query('fileName') ?? '',
          declaredBytes,
        });
      } catch (error) {
        if (error instanceof StudyInputError && error.code === 'too_large') {
          const mapped = studyInputServiceError(error, uploads.dir);
          // The rest of the body is not read: the connection cannot carry another request.
          return c.json(
            { error: { code: 'PAYLOAD_TOO_LARGE', message: mapped?.message, issues: mapped?.issues } },
            413,
            { connection: 'close' },
          );
        }
        throw studyInputServiceError(error, uploads.dir) ?? error;
      }
      const preview = await previewUpload(db, actor, uploads, { uploadId: upload.id, study, kind });
      return c.json(preview, 201);
    } catch (error) {
      const answer = serviceErrorResponse(c, error);
      if (answer) return answer;
      throw error;
    }
  });

  app.delete(`${STUDY_UPLOAD_PATH}/:uploadId`, async (c) => {
    const actor = await sessionActor(db, auth, c.req.raw.headers);
    if (!actor) return unauthorized(c);
    try {
      await discardUpload(actor, uploads, { uploadId: c.req.param('uploadId') });
      return c.body(null, 204);
    } catch (error) {
      const answer = serviceErrorResponse(c, error);
      if (answer) return answer;
      throw error;
    }
  });

  app.get('/api/studies/:studyId/export', async (c) => {
    const actor = await sessionActor(db, auth, c.req.raw.headers);
    if (!actor) return unauthorized(c);
    const studyId = c.req.param('studyId');
    try {
      const file = await exportStudyFile(
        db,
        actor,
        { studyId, format: c.req.query('format'), table: c.req.query('table') },
        keyOf(c.req.header(PSEUDONYM_KEY_HEADER)),
      );
      return c.body(new Uint8Array(file.bytes), 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'x-content-type-options': 'nosniff',
      });
    } catch (error) {
      await auditRefusal(options, actor, 'GET /api/studies/:studyId/export', studyId, error);
      const answer = serviceErrorResponse(c, error);
      if (answer) return answer;
      throw error;
    }
  });
}
