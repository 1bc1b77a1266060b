/**
 * Exporting the actor's study: the whole study read back (optionally with keyed pseudonyms) and put in
 * the chosen format: study JSON, CSV (one row per coded segment) or a REFI-QDA project model for .qdpx.
 * Every export is audited; the key is never stored.
 */
import {
  defaultAllowVariables,
  type LoadedStudy,
  normalizeVariableName,
  type QdpxModel,
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

export async function exportStudy(db: Db, actor: Actor, input: ExportStudyInput): Promise<StudyExport> {
  const loaded = await db.transaction().execute(async (trx) => {
    const target = await requireOwnStudy(trx, actor, input.study);
    const study = await loadStudy(trx, target);
    await recordAudit(trx, actor, {
      action: 'study.export',
      entityType: 'study',
      entityId: target.id,
      details: {
        ...(input.via === undefined ? {} : { via: input.via }),
        format: input.format,
        pseudonymized: input.pseudonymKey != null,
        // Which variables left with a pseudonymised export is part of what was disclosed.
        ...(input.pseudonymKey == null
          ? {}
          : { allowVariables: (input.allowVariables ?? defaultAllowVariables).map(normalizeVariableName) }),
      },
    });
    return study;
  });
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
    const { segments, ...rest } = study;
    const json = { ...rest, segments: segments.filter((s) => s.text !== null).map(({ id: _id, ...s }) => s) };
    return { ...base, json, skippedSegments: segments.length - json.segments.length };
  }
  if (input.format === 'csv') {
    return {
      ...base,
      csv: studyToCsv(study),
      skippedSegments: study.segments.filter((s) => s.text === null).length,
    };
  }
  const qdpx = studyToProject(study);
  return { ...base, qdpx, skippedSegments: qdpx.skippedSegments };
}
