/**
 * Importing an uploaded study file (ADR 0020): a preview of the upload against the actor's study (counts,
 * offset decisions, unmapped codes, warnings, and the mapping in effect), and its commit in one
 * transaction through `importStudy`, which saves a mapping given with it as the study's mapping. A preview
 * writes nothing (ADR 0016); the commit is the `study.import` event. A committed upload is removed, and so
 * is one whose file cannot be read (it never can be). The remote CLI's import (ADR 0021) reads an upload
 * through the same call (`importUploadOnce`) in one request, with the local CLI's options, then removes it.
 */

import { RefiQdaError } from '@peerbridge/refi-qda';
import {
  defaultMapping,
  type MappingFile,
  mappingFileSchema,
  StudyInputError,
} from '@peerbridge/study-formats';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';
import { type ImportStudyInput, type ImportStudyReport, importStudy, savedMappingOf } from './import-study';
import { studyInputServiceError } from './study-input-service-error';
import { findOwnStudy } from './study-target';
import type { StudyUpload, StudyUploads } from './study-uploads';

export const uploadImportInput = z.object({
  uploadId: z.string().uuid({ message: 'expected the id of an upload' }),
  study: z
    .string()
    .trim()
    .min(1, { message: 'expected a study name' })
    .max(200, { message: 'expected a study name of at most 200 characters' }),
  /** The mapping to read with; on commit it becomes the study's mapping. Default: the study's, else the default. */
  mapping: mappingFileSchema.optional(),
  /** What a CSV holds (default: from its header). */
  kind: z.enum(['participants', 'segments', 'observations']).optional(),
});

/** The study and CSV kind sent with an upload, checked before its bytes are read. */
export function parseUploadQuery(raw: unknown): Pick<z.output<typeof uploadImportInput>, 'study' | 'kind'> {
  return parseServiceInput(uploadImportInput.pick({ study: true, kind: true }), raw);
}

export const uploadRefInput = z.object({
  uploadId: z.string().uuid({ message: 'expected the id of an upload' }),
});

export interface UploadPreview {
  upload: StudyUpload;
  report: ImportStudyReport;
  /** The mapping the preview read with (what the mapping editor starts from). */
  mapping: MappingFile;
}

export interface UploadCommit {
  report: ImportStudyReport;
  studyId: string;
}

/** The one way an upload is imported: the actor's upload (else NOT_FOUND), read by `importStudy`. */
async function importOwnUpload(
  db: Db,
  actor: Actor,
  uploads: StudyUploads,
  uploadId: string,
  options: Omit<ImportStudyInput, 'file' | 'fileName'>,
): Promise<{ report: ImportStudyReport; upload: StudyUpload }> {
  const { upload, file } = await uploads.open(actor, uploadId);
  const report = await importStudy(db, actor, { ...options, file, fileName: upload.fileName });
  return { report, upload };
}

/**
 * Imports the actor's upload with the options of the CLI's `importStudy` (preview or commit, a key, timings)
 * and removes it, whatever the outcome; errors are the pipeline's own (the remote CLI prints them as --db).
 */
export async function importUploadOnce(
  db: Db,
  actor: Actor,
  uploads: StudyUploads,
  uploadId: string,
  options: Omit<ImportStudyInput, 'file' | 'fileName'>,
): Promise<ImportStudyReport> {
  try {
    return (await importOwnUpload(db, actor, uploads, uploadId, options)).report;
  } finally {
    await uploads.discard(actor, uploadId);
  }
}

async function run<T>(
  db: Db,
  actor: Actor,
  uploads: StudyUploads,
  raw: unknown,
  dryRun: boolean,
  then: (report: ImportStudyReport, upload: StudyUpload, mapping: MappingFile) => Promise<T>,
): Promise<T> {
  const input = parseServiceInput(uploadImportInput, raw);
  const saved = savedMappingOf(await findOwnStudy(db, actor, input.study));
  const mapping = input.mapping ?? saved ?? defaultMapping;
  let imported: { report: ImportStudyReport; upload: StudyUpload };
  try {
    imported = await importOwnUpload(db, actor, uploads, input.uploadId, {
      study: input.study,
      mapping,
      saveMapping: input.mapping !== undefined,
      kind: input.kind,
      dryRun,
      via: 'api',
    });
  } catch (error) {
    const mapped = studyInputServiceError(error, uploads.dir);
    if (mapped === null) throw error;
    // A file no reader accepts never will: it is not kept. A conflict (a study made meanwhile) may be retried.
    if (error instanceof RefiQdaError || (error instanceof StudyInputError && error.code !== 'conflict'))
      await uploads.discard(actor, input.uploadId);
    throw mapped;
  }
  return then(imported.report, imported.upload, mapping);
}

/** What committing the upload would write; writes nothing. */
export function previewUpload(
  db: Db,
  actor: Actor,
  uploads: StudyUploads,
  input: unknown,
): Promise<UploadPreview> {
  return run(db, actor, uploads, input, true, async (report, upload, mapping) => ({
    upload,
    report,
    mapping,
  }));
}

/** Imports the upload into the actor's study in one transaction, then removes it. */
export function commitUpload(
  db: Db,
  actor: Actor,
  uploads: StudyUploads,
  input: unknown,
): Promise<UploadCommit> {
  return run(db, actor, uploads, input, false, async (report, upload) => {
    await uploads.discard(actor, upload.id);
    const study = await findOwnStudy(db, actor, report.study.name);
    return { report, studyId: study?.id ?? '' };
  });
}

/** Removes the actor's upload without importing it. */
export async function discardUpload(actor: Actor, uploads: StudyUploads, input: unknown): Promise<void> {
  const { uploadId } = parseServiceInput(uploadRefInput, input);
  await uploads.discard(actor, uploadId);
}
