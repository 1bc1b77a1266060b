/**
 * Talking to a PeerBridge server with an API token (ADR 0021): the `/api/research/*` routes. A typed error
 * the server answers with (`{ error: { name, code, message, location, expected, issues } }`) is raised
 * again here as an error of that name, so the CLI's one error boundary prints the same message and
 * exits with the same code as for the local database; the server's placeholder for the uploaded file
 * becomes the path the user gave.
 */
import { CliError } from '../errors/cli-error';

/** Where research commands go instead of a database. */
export interface RemoteTarget {
  /** The server's base URL, e.g. `https://peerbridge.example.org` (no trailing slash). */
  readonly server: string;
  readonly token: string;
}

/** Stands for the uploaded file in the server's errors and reports (the api's UPLOAD_PATH_MARKER). */
const UPLOAD_PATH_MARKER = '<uploaded file>';

/** A server URL as given, checked and without a trailing slash. */
export function normalizeServer(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError('usage', `--server "${url}" is not a URL`, { expected: 'https://host[:port]' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new CliError('usage', `--server "${url}" is not an http(s) URL`, {
      expected: 'https://host[:port]',
    });
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** The server's typed error as an error the boundary recognises by name. */
class RemoteError extends Error {
  constructor(fields: Record<string, unknown>) {
    super(String(fields.message ?? 'the server refused the request'));
    this.name = typeof fields.name === 'string' ? fields.name : 'ServiceError';
    Object.assign(this, {
      code: fields.code,
      location: fields.location,
      expected: fields.expected,
      issues: fields.issues,
    });
  }
}

function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** JSON text from the server with the upload placeholder put back as `file`. */
export function withUploadPath(text: string, file: string | undefined): string {
  return file === undefined ? text : text.split(UPLOAD_PATH_MARKER).join(jsonEscaped(file));
}

/** Raises the error a non-2xx answer carries. */
async function raiseFor(response: Response, target: RemoteTarget, file: string | undefined): Promise<never> {
  const text = await response.text();
  if (response.status === 401)
    throw new CliError(
      'forbidden',
      `${target.server} refused the API token: it is unknown or revoked, or its owner is no longer a researcher; create a new token in the portal and run \`peerbridge login --server ${target.server}\``,
    );
  if (response.status === 503)
    throw new CliError('unavailable', `${target.server} is busy; nothing was written, try again in a moment`);
  let body: { error?: Record<string, unknown> } | undefined;
  try {
    body = JSON.parse(withUploadPath(text, file));
  } catch {
    body = undefined;
  }
  if (body?.error && typeof body.error.name === 'string' && body.error.name !== 'TokenError')
    throw new RemoteError(body.error);
  throw new CliError(
    'unavailable',
    `${target.server} answered ${response.status}${body?.error?.message ? `: ${String(body.error.message)}` : ''}`,
  );
}

const causeOf = (error: unknown) => (error as { cause?: { code?: string; message?: string } }).cause;

/** Failures of a kept-alive connection that the server closed just as it was reused. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * fetch, tried once more when a pooled keep-alive connection turns out to be closed by the server (its idle
 * timeout) and the request can be sent again as it was: a body that is a stream (an upload) is never resent.
 */
async function fetchOnce(url: string, init: RequestInit & { duplex?: 'half' }): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const replayable = init.body === undefined || init.body === null || typeof init.body === 'string';
    if (!replayable || !STALE_CONNECTION.has(causeOf(error)?.code ?? '')) throw error;
    return await fetch(url, init);
  }
}

/** One request to the server with the token; a network failure is an `unavailable` error naming the server. */
export async function request(
  target: RemoteTarget,
  path: string,
  init: RequestInit & { duplex?: 'half' } = {},
  file?: string,
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${target.token}`);
  let response: Response;
  try {
    response = await fetchOnce(`${target.server}${path}`, { ...init, headers });
  } catch (error) {
    const cause = causeOf(error);
    throw new CliError(
      'unavailable',
      `cannot reach ${target.server}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      { cause: error },
    );
  }
  if (!response.ok) await raiseFor(response, target, file);
  return response;
}

/** A JSON answer of the server. */
export async function requestJson<T>(
  target: RemoteTarget,
  path: string,
  init: RequestInit & { duplex?: 'half' } = {},
  file?: string,
): Promise<T> {
  const response = await request(target, path, init, file);
  return JSON.parse(withUploadPath(await response.text(), file)) as T;
}

/** A POST of a JSON body, answered with JSON. */
export function postJson<T>(target: RemoteTarget, path: string, body: unknown): Promise<T> {
  return requestJson<T>(target, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
