/**
 * A study export as one file's bytes, for the API's download (ADR 0020): the owner's study by id, as study
 * JSON, one CSV table or a .qdpx, pseudonymised when a key comes with the request (keeping the variables the
 * study's saved mapping allows, else the default ones). Recorded as `study.export` with the file's size and
 * sha256 before the bytes are handed over. `writeStudyExport` is the one rendering of an export's bytes over
 * HTTP: this download's and the remote CLI's (ADR 0021), a .qdpx keeping the project's own origin (ADR 0029).
 */
import { createHash } from 'node:crypto';
import { projectZipStream } from '@peerbridge/refi-qda';
import { studyCsvTables } from '@peerbridge/study-formats';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';
import { idSchema } from '../schemas';
import {
  type DeliveredFile,
  type PreparedStudyExport,
  prepareStudyExport,
  recordStudyExport,
} from './export-study';
import { savedMappingOf } from './import-study';
import { loadOwnStudy } from './study-access';

export const studyExportFileInput = z.object({
  studyId: idSchema,
  format: z.enum(['json', 'csv', 'qdpx'], { message: 'expected json, csv or qdpx' }),
  table: z.enum(studyCsvTables, { message: `expected one of ${studyCsvTables.join(', ')}` }).optional(),
});

export interface StudyExportFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  pseudonymized: boolean;
}

const contentTypes = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  qdpx: 'application/zip',
} as const;

function safeName(name: string): string {
  const clean = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return clean || 'study';
}

/**
 * Hands the prepared export's bytes to `write` (study JSON, one CSV table or the .qdpx), counting and hashing
 * them, then records `study.export` with their size and sha256; answers what was recorded.
 */
export async function writeStudyExport(
  db: Db,
  actor: Actor,
  prepared: PreparedStudyExport,
  write: (chunk: Buffer) => Promise<void> | void,
): Promise<DeliveredFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  const chunks: AsyncIterable<unknown> | Iterable<unknown> | null =
    prepared.json !== undefined
      ? [`${JSON.stringify(prepared.json, null, 2)}\n`]
      : prepared.csv !== undefined
        ? [prepared.csv]
        : prepared.qdpx !== undefined
          ? projectZipStream(prepared.qdpx.project).stream
          : null;
  if (chunks === null) throw new Error('the prepared export holds no data');
  for await (const part of chunks) {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part as Uint8Array);
    hash.update(buffer);
    bytes += buffer.length;
    await write(buffer);
  }
  const delivered = { bytes, sha256: hash.digest('hex') };
  await recordStudyExport(db, actor, prepared, delivered);
  return delivered;
}

export async function exportStudyFile(
  db: Db,
  actor: Actor,
  raw: unknown,
  pseudonymKey: Uint8Array | null,
): Promise<StudyExportFile> {
  const input = parseServiceInput(studyExportFileInput, raw);
  if (input.table !== undefined && input.format !== 'csv')
    parseServiceInput(z.object({ table: z.undefined({ message: 'table applies only to format csv' }) }), {
      table: input.table,
    });
  const study = await loadOwnStudy(db, actor, input.studyId);
  const prepared = await prepareStudyExport(db, actor, {
    study: study.name,
    format: input.format,
    pseudonymKey,
    allowVariables: savedMappingOf(study)?.allowVariables,
    via: 'api',
    csv: { table: input.table },
  });
  const parts: Buffer[] = [];
  await writeStudyExport(db, actor, prepared, (chunk) => {
    parts.push(chunk);
  });
  const bytes = Buffer.concat(parts);
  const base = safeName(prepared.study.study.name);
  const suffix = `${input.format === 'csv' ? `-${input.table ?? 'segments'}` : ''}${prepared.pseudonymized ? '-pseudonymised' : ''}`;
  return {
    fileName: `${base}${suffix}.${input.format}`,
    contentType: contentTypes[input.format],
    bytes,
    pseudonymized: prepared.pseudonymized,
  };
}
