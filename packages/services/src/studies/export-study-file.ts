/**
 * A study export as one file's bytes, for the API's download (ADR 0020): the owner's study by id, as study
 * JSON, one CSV table or a .qdpx, pseudonymised when a key comes with the request (keeping the variables the
 * study's saved mapping allows, else the default ones). Recorded as `study.export` with the file's size and
 * sha256 before the bytes are handed over.
 */
import { createHash } from 'node:crypto';
import { projectZipStream } from '@peerbridge/refi-qda';
import { studyCsvTables } from '@peerbridge/study-formats';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';
import { idSchema } from '../schemas';
import { prepareStudyExport, recordStudyExport } from './export-study';
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

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(parts);
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
  let bytes: Buffer;
  if (prepared.json !== undefined) bytes = Buffer.from(`${JSON.stringify(prepared.json, null, 2)}\n`, 'utf8');
  else if (prepared.csv !== undefined) bytes = Buffer.from(prepared.csv, 'utf8');
  else if (prepared.qdpx !== undefined) bytes = await collect(projectZipStream(prepared.qdpx.project).stream);
  else throw new Error(`export of format ${input.format} gave no data`);
  await recordStudyExport(db, actor, prepared, {
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  const base = safeName(prepared.study.study.name);
  const suffix = `${input.format === 'csv' ? `-${input.table ?? 'segments'}` : ''}${prepared.pseudonymized ? '-pseudonymised' : ''}`;
  return {
    fileName: `${base}${suffix}.${input.format}`,
    contentType: contentTypes[input.format],
    bytes,
    pseudonymized: prepared.pseudonymized,
  };
}
