/**
 * The research commands' calls to a server (ADR 0021), one per use case, answering what the services
 * answer on a local database: the import report, the analysis, the export's bytes and summary, the codebook.
 * The upload streams the file from disk behind one JSON line of options, reporting the bytes sent.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AgreementUnit } from '@peerbridge/domain';
import type {
  CoOccurrenceMode,
  ImportStudyInput,
  ImportStudyReport,
  PseudonymizationReport,
  StudyAnalysis,
} from '@peerbridge/services';
import type { Progress } from '@peerbridge/study-formats';
import { postJson, type RemoteTarget, request, requestJson } from './server-client';

function base64(key: Uint8Array | null | undefined): string | undefined {
  return key ? Buffer.from(key).toString('base64') : undefined;
}

/** Imports `input.file` on the server: the same pipeline, preview or commit, as `importStudy`. */
export async function remoteImport(
  target: RemoteTarget,
  input: ImportStudyInput,
  progress: Progress,
): Promise<ImportStudyReport> {
  const options = {
    study: input.study,
    fileName: basename(input.file),
    kind: input.kind,
    dryRun: input.dryRun === true,
    timings: input.timings === true,
    mapping: input.mapping,
    pseudonymKey: base64(input.pseudonymKey),
  };
  // Opening the file first: a missing one is the same "file not found" as on a local database.
  const size = (await stat(input.file)).size;
  async function* body(): AsyncGenerator<Uint8Array> {
    yield Buffer.from(`${JSON.stringify(options)}\n`, 'utf8');
    progress.start('uploading', size);
    let sent = 0;
    for await (const chunk of createReadStream(input.file, { highWaterMark: 256 * 1024 })) {
      sent += (chunk as Buffer).length;
      yield chunk as Buffer;
      progress.update(sent);
    }
    progress.finish();
  }
  return requestJson<ImportStudyReport>(
    target,
    '/api/research/import',
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-peerbridge-upload' },
      body: body() as unknown as NonNullable<RequestInit['body']>,
      duplex: 'half',
    },
    input.file,
  );
}

export function remoteAnalyze(
  target: RemoteTarget,
  input: {
    study: string;
    asOf?: string | undefined;
    unit?: AgreementUnit | undefined;
    coOccurrence?: CoOccurrenceMode | undefined;
    set?: string | undefined;
  },
): Promise<StudyAnalysis> {
  return postJson<StudyAnalysis>(target, '/api/research/analyze', input);
}

/** What the server says about the export it sends. */
export interface RemoteExportSummary {
  study: string;
  pseudonymized: boolean;
  pseudonymization: PseudonymizationReport | null;
  participants: number;
  documents: number;
  codes: number;
  segments: number;
  skippedSegments: number;
  bytes: number;
  sha256: string;
}

export interface RemoteExportRequest {
  study: string;
  format: 'json' | 'csv' | 'qdpx';
  pseudonymKey: Uint8Array | null;
  allowVariables?: ReadonlyArray<string> | undefined;
  csv?:
    | { table?: string | undefined; formulaGuard?: boolean | undefined; bom?: boolean | undefined }
    | undefined;
}

/** Asks for an export (recorded by the server before it sends it); the body streams. */
export async function remoteExport(
  target: RemoteTarget,
  input: RemoteExportRequest,
): Promise<{ summary: RemoteExportSummary; body: AsyncIterable<Uint8Array> }> {
  const response = await request(target, '/api/research/export', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...input, pseudonymKey: base64(input.pseudonymKey) }),
  });
  const header = response.headers.get('x-peerbridge-export') ?? '';
  const summary = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as RemoteExportSummary;
  const body = response.body;
  async function* empty(): AsyncGenerator<Uint8Array> {}
  return { summary, body: body === null ? empty() : (body as unknown as AsyncIterable<Uint8Array>) };
}

/** The server's codebook file (the one its imports map against). */
export async function remoteCodebook(
  target: RemoteTarget,
  format: 'qdc' | 'json' | 'csv',
  lang: 'en' | 'cs',
): Promise<{ text: string; codes: number; indicators: number }> {
  const response = await request(target, `/api/research/codebook?format=${format}&lang=${lang}`);
  const counts = JSON.parse(response.headers.get('x-peerbridge-codebook') ?? '{}') as {
    codes?: number;
    indicators?: number;
  };
  return { text: await response.text(), codes: counts.codes ?? 0, indicators: counts.indicators ?? 0 };
}
