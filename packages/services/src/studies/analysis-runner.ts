/**
 * Where the heavy research computations run, reads included. The CLI runs them in its own process on
 * its own connection; the api passes a runner backed by a worker pool whose threads open their own
 * read-only connection, so the server's thread neither reads a study's segments and texts nor computes
 * agreement, co-occurrence or the cohort summary (issue 10, ADR 0015). A task names the study and the
 * already checked parameters only; the services check the actor and audit before dispatching one.
 */
import {
  type CodeAgreement,
  type CohortSummary,
  type CoOccurrenceRow,
  coOccurrence,
  intercoderAgreement,
  summarizeCohort,
} from '@peerbridge/domain';
import type { DbOrTrx } from '../db';
import { readCodedSegments, readCohortInput, readParagraphUnits } from './analysis-inputs';

export interface StudyAgreementResult {
  codes: CodeAgreement[];
  codeNames: Record<string, string>;
  coders: string[];
}
export interface StudyCoOccurrenceResult {
  rows: CoOccurrenceRow[];
  codeNames: Record<string, string>;
}
export type StudyCohortResult = CohortSummary & { originalLabels: Record<string, string> };

/** A task for a worker thread: which computation, on which study (ids and checked parameters only). */
export type AnalysisTask =
  | { task: 'agreement'; studyId: string }
  | { task: 'coOccurrence'; studyId: string }
  | { task: 'cohort'; studyId: string; asOf: string | null };

/** The three heavy computations of the research view, each for a study the caller may see. */
export interface AnalysisRunner {
  agreement(studyId: string): Promise<StudyAgreementResult>;
  coOccurrence(studyId: string): Promise<StudyCoOccurrenceResult>;
  cohort(input: { studyId: string; asOf: string | null }): Promise<StudyCohortResult>;
}

async function agreementOf(db: DbOrTrx, studyId: string): Promise<StudyAgreementResult> {
  const { segments, codeNames } = await readCodedSegments(db, studyId);
  const coders = [...new Set(segments.flatMap((s) => (s.coderId ? [s.coderId] : [])))].sort();
  if (coders.length < 2) return { codes: [], codeNames, coders };
  const units = await readParagraphUnits(db, studyId);
  return { codes: intercoderAgreement({ segments, units }), codeNames, coders };
}

async function coOccurrenceOf(db: DbOrTrx, studyId: string): Promise<StudyCoOccurrenceResult> {
  const { segments, codeNames } = await readCodedSegments(db, studyId);
  return { rows: coOccurrence(segments), codeNames };
}

async function cohortOf(db: DbOrTrx, studyId: string, asOf: string | null): Promise<StudyCohortResult> {
  const { input, originalLabels } = await readCohortInput(db, studyId, asOf);
  return { ...summarizeCohort(input), originalLabels };
}

/** Run one task on `db` (what a worker thread does with a message, on its own connection). */
export function runAnalysisTask(db: DbOrTrx, message: AnalysisTask): Promise<unknown> {
  switch (message.task) {
    case 'agreement':
      return agreementOf(db, message.studyId);
    case 'coOccurrence':
      return coOccurrenceOf(db, message.studyId);
    case 'cohort':
      return cohortOf(db, message.studyId, message.asOf);
  }
}

/** Runs the reads and computations in the calling thread on `db` (the CLI, tests). */
export function inProcessAnalysis(db: DbOrTrx): AnalysisRunner {
  return {
    agreement: (studyId) => agreementOf(db, studyId),
    coOccurrence: (studyId) => coOccurrenceOf(db, studyId),
    cohort: ({ studyId, asOf }) => cohortOf(db, studyId, asOf),
  };
}
