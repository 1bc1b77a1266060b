/**
 * Where the heavy research computations run, reads included. The CLI runs them in its own process on
 * its own connection; the api passes a runner backed by a worker pool whose threads open their own
 * read-only connection, so the server's thread neither reads a study's segments and texts nor computes
 * agreement, co-occurrence or the cohort summary (issue 10, ADR 0015). A task names the study and the
 * already checked parameters only; the services check the actor and audit before dispatching one.
 */
import {
  type AgreementReport,
  type AgreementUnit,
  agreementReport,
  type CohortSummary,
  type CoOccurrenceRow,
  coOccurrence,
  summarizeCohort,
} from '@peerbridge/domain';
import type { DbOrTrx } from '../db';
import { readCodedSegments, readCohortInput, readDocumentTexts } from './analysis-inputs';
import type { CoOccurrenceMode } from './analysis-options';
import { type StudySetScope, studySetScope } from './study-sets';

/** The set an analysis was narrowed to (ADR 0044), or null for the whole study. */
export type AnalysisSet = { id: string; name: string } | null;
/** The domain's agreement report (codes keyed by code id) with the codes' names. */
export type StudyAgreementResult = AgreementReport & { codeNames: Record<string, string>; set: AnalysisSet };
export interface StudyCoOccurrenceResult {
  mode: CoOccurrenceMode;
  rows: CoOccurrenceRow[];
  codeNames: Record<string, string>;
  set: AnalysisSet;
}
export type StudyCohortResult = CohortSummary & { originalLabels: Record<string, string> };

/** A task for a worker thread: which computation, on which study (ids and checked parameters only). */
export type AnalysisTask =
  | { task: 'agreement'; studyId: string; unit: AgreementUnit; setId?: string | undefined }
  | { task: 'coOccurrence'; studyId: string; mode: CoOccurrenceMode; setId?: string | undefined }
  | { task: 'cohort'; studyId: string; asOf: string | null };

/** The three heavy computations of the research view, each for a study the caller may see. */
export interface AnalysisRunner {
  agreement(input: {
    studyId: string;
    unit: AgreementUnit;
    setId?: string | undefined;
  }): Promise<StudyAgreementResult>;
  coOccurrence(input: {
    studyId: string;
    mode: CoOccurrenceMode;
    setId?: string | undefined;
  }): Promise<StudyCoOccurrenceResult>;
  cohort(input: { studyId: string; asOf: string | null }): Promise<StudyCohortResult>;
}

/** The set's scope (the service checked it belongs to the study) and how a result names it. */
async function scopeOf(
  db: DbOrTrx,
  studyId: string,
  setId: string | undefined,
): Promise<{ scope: StudySetScope | null; set: AnalysisSet }> {
  if (setId === undefined) return { scope: null, set: null };
  const scope = await studySetScope(db, studyId, { id: setId }, 'setId');
  return { scope, set: { id: scope.setId, name: scope.name } };
}

async function agreementOf(
  db: DbOrTrx,
  studyId: string,
  unit: AgreementUnit,
  setId: string | undefined,
): Promise<StudyAgreementResult> {
  const { scope, set } = await scopeOf(db, studyId, setId);
  const { segments, codeNames } = await readCodedSegments(db, studyId, scope);
  const documents = await readDocumentTexts(db, studyId, undefined, scope);
  return { ...agreementReport({ documents, segments, unit }), codeNames, set };
}

async function coOccurrenceOf(
  db: DbOrTrx,
  studyId: string,
  mode: CoOccurrenceMode,
  setId: string | undefined,
): Promise<StudyCoOccurrenceResult> {
  const { scope, set } = await scopeOf(db, studyId, setId);
  const { segments, codeNames } = await readCodedSegments(db, studyId, scope);
  return { mode, rows: coOccurrence(segments, { withinCoder: mode === 'within-coder' }), codeNames, set };
}

async function cohortOf(db: DbOrTrx, studyId: string, asOf: string | null): Promise<StudyCohortResult> {
  const { input, originalLabels } = await readCohortInput(db, studyId, asOf);
  return { ...summarizeCohort(input), originalLabels };
}

/** Run one task on `db` (what a worker thread does with a message, on its own connection). */
export function runAnalysisTask(db: DbOrTrx, message: AnalysisTask): Promise<unknown> {
  switch (message.task) {
    case 'agreement':
      return agreementOf(db, message.studyId, message.unit, message.setId);
    case 'coOccurrence':
      return coOccurrenceOf(db, message.studyId, message.mode, message.setId);
    case 'cohort':
      return cohortOf(db, message.studyId, message.asOf);
  }
}

/** Runs the reads and computations in the calling thread on `db` (the CLI, tests). */
export function inProcessAnalysis(db: DbOrTrx): AnalysisRunner {
  return {
    agreement: ({ studyId, unit, setId }) => agreementOf(db, studyId, unit, setId),
    coOccurrence: ({ studyId, mode, setId }) => coOccurrenceOf(db, studyId, mode, setId),
    cohort: ({ studyId, asOf }) => cohortOf(db, studyId, asOf),
  };
}
