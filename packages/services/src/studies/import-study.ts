/**
 * Importing a study file (REFI-QDA .qdpx/.qde, CSV, PeerBridge JSON) for a researcher: a preview (dry
 * run) that writes nothing, or a commit that writes every row in one transaction (all or nothing). The
 * same bytes imported again into the study are a reported no-op. The one import pipeline of the CLI,
 * the API and the portal.
 */
import { basename } from 'node:path';
import { studyRowWriter } from '@peerbridge/db';
import {
  type CsvKind,
  defaultMapping,
  detectInputKind,
  type ExistingStudy,
  emptyExistingStudy,
  type MappingFile,
  type OffsetDecisionReport,
  type Progress,
  readCsvStudyData,
  readJsonStudyData,
  readRefiProject,
  type StudyData,
  sha256OfFile,
  silentProgress,
  type UnmappedCodeReport,
} from '@peerbridge/study-formats';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, newId, nowIso } from '../db';
import { deriveInterviewObservations } from './derive-observations';
import { loadExistingStudy } from './existing-study';
import { planWrites, type TableCounts } from './import-plan';
import { loadCodebookIndex } from './load-codebook-index';
import { pseudonymizeStudyData } from './pseudonymize-study-data';
import type { PseudonymizationReport } from './study-pseudonymization';
import { findOrCreateOwnStudy, findOwnStudy } from './study-target';
import { writeImportRows } from './write-import-rows';

export interface ImportStudyInput {
  /** The file to read (the CLI's argument, or the API's upload spooled to a temporary file). */
  file: string;
  /** The name recorded for the file (default: the file's base name). */
  fileName?: string | undefined;
  /** The study to import into; created (owned by the actor) when missing. */
  study: string;
  mapping?: MappingFile | undefined;
  /** What a CSV holds (default: from its header). */
  kind?: CsvKind | undefined;
  /** Preview: read, plan and count, write nothing. */
  dryRun?: boolean | undefined;
  /** Where the call came from, kept in the audit event (e.g. `cli`). */
  via?: string | undefined;
  /**
   * Pseudonymise before anything is written (ADR 0022): names become keyed pseudonyms under this key,
   * only the mapping's `allowVariables` stay, known names are redacted in the texts. The key is not stored.
   */
  pseudonymKey?: Uint8Array | null | undefined;
}

export interface ImportStudyReport {
  status: 'imported' | 'already_imported' | 'dry_run';
  sha256: string;
  format: StudyData['format'] | null;
  study: { name: string; created: boolean };
  /** Rows written per table (or, in a preview, rows that would be written). */
  counts: TableCounts;
  /** Existing participants whose setting and attributes a participants table updated (or would update). */
  participantsUpdated: number;
  offsetDecisions: OffsetDecisionReport[];
  unmappedCodes: UnmappedCodeReport[];
  warnings: string[];
  /** When the same file was imported before. */
  importedAt?: string;
  /** With a pseudonymKey: what was dropped and how many names were redacted. */
  pseudonymization?: PseudonymizationReport;
}

export const zeroCounts = (): TableCounts => ({
  participant: 0,
  document: 0,
  code: 0,
  coded_segment: 0,
  study_observation: 0,
});

async function readInput(
  input: ImportStudyInput,
  mapping: MappingFile,
  existing: ExistingStudy,
  progress: Progress,
): Promise<{ data: StudyData; privacy: ReturnType<typeof pseudonymizeStudyData> | null }> {
  const data = await readPlainInput(input, mapping, existing, progress);
  if (!input.pseudonymKey) return { data, privacy: null };
  const privacy = pseudonymizeStudyData(data, input.pseudonymKey, { allowVariables: mapping.allowVariables });
  return { data: privacy.data, privacy };
}

const withPseudonymization = (
  report: ImportStudyReport,
  privacy: { report: PseudonymizationReport } | null,
): ImportStudyReport => (privacy ? { ...report, pseudonymization: privacy.report } : report);

async function readPlainInput(
  input: ImportStudyInput,
  mapping: MappingFile,
  existing: ExistingStudy,
  progress: Progress,
): Promise<StudyData> {
  const kind = await detectInputKind(input.file);
  let data: StudyData;
  if (kind === 'refi') data = await readRefiProject(input.file, mapping, progress);
  else if (kind === 'json') data = await readJsonStudyData(input.file);
  else data = await readCsvStudyData(input.file, input.kind, existing);
  if (data.format !== 'csv-participants' && data.format !== 'csv-observations') {
    deriveInterviewObservations(data, mapping, await loadCodebookIndex());
  }
  return data;
}

function reportOf(
  status: ImportStudyReport['status'],
  sha256: string,
  studyName: string,
  data: StudyData | null,
  counts: TableCounts,
  created: boolean,
  participantsUpdated = 0,
): ImportStudyReport {
  return {
    status,
    sha256,
    format: data?.format ?? null,
    study: { name: studyName, created },
    counts,
    participantsUpdated,
    offsetDecisions: data?.offsetDecisions ?? [],
    unmappedCodes: data?.unmappedCodes ?? [],
    warnings: data?.warnings ?? [],
  };
}

/**
 * A preview of a file with no database to compare with (a CLI dry run before the database exists):
 * everything would be new. Reads only the caller's own file.
 */
export async function previewStudyFile(
  input: ImportStudyInput,
  progress: Progress = silentProgress,
): Promise<ImportStudyReport> {
  const sha256 = await sha256OfFile(input.file);
  const { data, privacy } = await readInput(
    input,
    input.mapping ?? defaultMapping,
    emptyExistingStudy(),
    progress,
  );
  const plan = await planWrites(null, null, data);
  return withPseudonymization(
    reportOf('dry_run', sha256, input.study.trim(), data, plan.counts, true),
    privacy,
  );
}

/** Preview or commit an import of `input.file` into the actor's study. */
export async function importStudy(
  db: Db,
  actor: Actor,
  input: ImportStudyInput,
  progress: Progress = silentProgress,
): Promise<ImportStudyReport> {
  requireRole(actor, 'researcher');
  const startedAt = nowIso();
  const sha256 = await sha256OfFile(input.file);
  const mapping = input.mapping ?? defaultMapping;
  const studyName = input.study.trim();
  const givenName = input.fileName ?? basename(input.file);
  const study = await findOwnStudy(db, actor, studyName);
  if (study) {
    const previous = await db
      .selectFrom('import_run')
      .select(['finished_at', 'started_at'])
      .where('study_id', '=', study.id)
      .where('file_sha256', '=', sha256)
      .where('status', '=', 'succeeded')
      .executeTakeFirst();
    if (previous) {
      return {
        ...reportOf('already_imported', sha256, studyName, null, zeroCounts(), false),
        importedAt: previous.finished_at ?? previous.started_at,
      };
    }
  }
  const existing = study ? await loadExistingStudy(db, study.id) : emptyExistingStudy();
  // Parse before the transaction: the write lock is held only while rows are written.
  const { data, privacy } = await readInput(input, mapping, existing, progress);
  const fileName = privacy?.fileName(givenName) ?? givenName;
  if (input.dryRun) {
    const plan = await planWrites(db, study?.id ?? null, data);
    const report = reportOf(
      'dry_run',
      sha256,
      studyName,
      data,
      plan.counts,
      study === undefined,
      plan.updatedParticipants.length,
    );
    return withPseudonymization(report, privacy);
  }
  return db.transaction().execute(async (trx) => {
    const target = await findOrCreateOwnStudy(trx, actor, studyName);
    const plan = await planWrites(trx, target.existed ? target.id : null, data);
    await writeImportRows(studyRowWriter(trx), target.id, plan, progress);
    for (const p of plan.updatedParticipants) {
      await trx
        .updateTable('participant')
        .set({ setting: p.setting, attributes: JSON.stringify(p.attributes) })
        .where('id', '=', plan.participantIds.get(p.ref) as string)
        .execute();
    }
    const result = withPseudonymization(
      reportOf(
        'imported',
        sha256,
        studyName,
        data,
        plan.counts,
        !target.existed,
        plan.updatedParticipants.length,
      ),
      privacy,
    );
    await recordAudit(trx, actor, {
      action: 'study.import',
      entityType: 'study',
      entityId: target.id,
      details: {
        ...(input.via === undefined ? {} : { via: input.via }),
        file: fileName,
        sha256,
        format: data.format,
        counts: result.counts,
        created: !target.existed,
        ...(privacy === null ? {} : { pseudonymized: true }),
      },
    });
    await trx
      .insertInto('import_run')
      .values({
        id: newId(),
        study_id: target.id,
        file_name: fileName,
        file_sha256: sha256,
        format: data.format,
        status: 'succeeded',
        started_at: startedAt,
        finished_at: nowIso(),
        report: JSON.stringify({
          counts: result.counts,
          unmappedCodes: result.unmappedCodes,
          warnings: result.warnings,
        }),
      })
      .execute();
    return result;
  });
}
