/**
 * Exporting the actor's study: the whole study read back (optionally with keyed pseudonyms) and put in
 * the chosen format: study JSON, CSV (one row per coded segment) or a REFI-QDA project model for .qdpx.
 * Every export is audited; the key is never stored.
 *
 * A front end that writes a file reads with `prepareStudyExport` and records with `recordStudyExport`,
 * placing its file inside the audit event's transaction: an interrupted export leaves neither the file
 * nor the event, a completed one both (issue 10). `exportStudy` does both at once, for data handed over
 * in memory.
 */
import {
  defaultAllowVariables,
  type LoadedStudy,
  normalizeVariableName,
  type QdpxModel,
  type StudyCsvOptions,
  studyToCsv,
  studyToProject,
} from '@peerbridge/study-formats';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { loadStudy } from './load-study';
import { pseudonymizeStudy } from './pseudonymize-study';
import type { PseudonymizationReport } from './study-pseudonymization';
import { requireOwnStudy } from './study-target';

export type StudyExportFormat = 'json' | 'csv' | 'qdpx';

export interface ExportStudyInput {
  study: string;
  format: StudyExportFormat;
  /**
   * A pseudonymisation key (ADR 0022): participant, case, document and coder names become keyed
   * pseudonyms, only allowed variables stay, and known names are redacted inside the texts.
   */
  pseudonymKey?: Uint8Array | null | undefined;
  /** With a key: the variables to keep (default: setting, age_band, gender, tenure_band). */
  allowVariables?: ReadonlyArray<string> | undefined;
  via?: string | undefined;
  /** With format csv: which table, the formula guard (default on) and a BOM for Excel (default off). */
  csv?: StudyCsvOptions | undefined;
}

export interface StudyExport {
  study: LoadedStudy;
  format: StudyExportFormat;
  pseudonymized: boolean;
  /** With a key: what was dropped and how many names were redacted. */
  pseudonymization: PseudonymizationReport | null;
  /** json: the study JSON document; csv: the CSV text; qdpx: the project model to write as a zip. */
  json?: unknown;
  csv?: string;
  qdpx?: QdpxModel;
  /** Segments left out: their document has no text (a .qde imported without its sources). */
  skippedSegments: number;
}

/** An export read and formatted but not yet recorded: nothing has left the process. */
export interface PreparedStudyExport extends StudyExport {
  readonly studyId: string;
  /** The facts the `study.export` event records (format, pseudonymisation, kept variables). */
  readonly auditDetails: Record<string, unknown>;
}

/** The file an export was delivered as, recorded in its audit event so the two can be matched. */
export interface DeliveredFile {
  bytes: number;
  sha256: string;
}

/** Reads the actor's study (after the same not-found / forbidden rules) and formats it; records nothing. */
export async function prepareStudyExport(
  db: Db,
  actor: Actor,
  input: ExportStudyInput,
): Promise<PreparedStudyExport> {
  const { target, loaded } = await db.transaction().execute(async (trx) => {
    const target = await requireOwnStudy(trx, actor, input.study);
    return { target, loaded: await loadStudy(trx, target) };
  });
  const auditDetails = {
    ...(input.via === undefined ? {} : { via: input.via }),
    format: input.format,
    ...(input.format === 'csv' ? { table: input.csv?.table ?? 'segments' } : {}),
    pseudonymized: input.pseudonymKey != null,
    // Which variables left with a pseudonymised export is part of what was disclosed.
    ...(input.pseudonymKey == null
      ? {}
      : { allowVariables: (input.allowVariables ?? defaultAllowVariables).map(normalizeVariableName) }),
  };
  return { ...formatExport(loaded, input), studyId: target.id, auditDetails };
}

/**
 * Records the export (one `study.export` event, with the delivered file's size and sha256 when there is
 * one). `place` runs inside the event's transaction after the event is appended, so the file it puts in
 * place and the event commit together: if `place` throws, the event is rolled back.
 */
export async function recordStudyExport(
  db: Db,
  actor: Actor,
  prepared: PreparedStudyExport,
  file: DeliveredFile | null,
  place: () => Promise<void> | void = () => {},
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, actor, {
      action: 'study.export',
      entityType: 'study',
      entityId: prepared.studyId,
      details: { ...prepared.auditDetails, ...(file === null ? {} : { file }) },
    });
    await place();
  });
}

/** Reads, formats and records an export in one call, for data handed over in memory. */
export async function exportStudy(db: Db, actor: Actor, input: ExportStudyInput): Promise<StudyExport> {
  const prepared = await prepareStudyExport(db, actor, input);
  await recordStudyExport(db, actor, prepared, null);
  return prepared;
}

function formatExport(loaded: LoadedStudy, input: ExportStudyInput): StudyExport {
  const key = input.pseudonymKey ?? null;
  const pseudonymized =
    key === null ? null : pseudonymizeStudy(loaded, key, { allowVariables: input.allowVariables });
  const study = pseudonymized?.study ?? loaded;
  const base = {
    study,
    format: input.format,
    pseudonymized: key !== null,
    pseudonymization: pseudonymized?.report ?? null,
  };
  if (input.format === 'json') {
    // The study JSON holds segments only: a project's notes, sets and users leave with a .qdpx export.
    const { segments, refi: _refi, ...rest } = study;
    const json = {
      ...rest,
      segments: segments
        .filter((s) => s.text !== null)
        .map(({ id: _id, codingGuid: _g, codingUser: _u, ...s }) => s),
    };
    return { ...base, json, skippedSegments: segments.length - json.segments.length };
  }
  if (input.format === 'csv') {
    return {
      ...base,
      csv: studyToCsv(study, input.csv),
      skippedSegments: study.segments.filter((s) => s.text === null).length,
    };
  }
  const qdpx = studyToProject(study);
  return { ...base, qdpx, skippedSegments: qdpx.skippedSegments };
}
