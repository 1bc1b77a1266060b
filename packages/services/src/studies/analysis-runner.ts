/**
 * Where the heavy research computations run. The CLI runs them in its own process; the api passes a
 * runner backed by a worker pool, so agreement, co-occurrence and the cohort summary never block the
 * server's event loop (issue 10). Inputs and outputs are plain data, so they cross a thread boundary.
 */
import {
  type CodeAgreement,
  type CodedSegment,
  type CohortInput,
  type CohortSummary,
  type CoOccurrenceRow,
  coOccurrence,
  intercoderAgreement,
  summarizeCohort,
  type TextUnit,
} from '@peerbridge/domain';

/** The three heavy computations of the research view. */
export interface AnalysisRunner {
  agreement(input: { segments: CodedSegment[]; units: TextUnit[] }): Promise<CodeAgreement[]>;
  coOccurrence(segments: CodedSegment[]): Promise<CoOccurrenceRow[]>;
  cohort(input: CohortInput): Promise<CohortSummary>;
}

/** The computations by name, as a worker thread runs them. */
export const analysisTasks = {
  agreement: (input: { segments: CodedSegment[]; units: TextUnit[] }) => intercoderAgreement(input),
  coOccurrence: (segments: CodedSegment[]) => coOccurrence(segments),
  cohort: (input: CohortInput) => summarizeCohort(input),
} as const;

/** A task for a worker thread: its name and its input. */
export type AnalysisTask =
  | { task: 'agreement'; input: Parameters<typeof analysisTasks.agreement>[0] }
  | { task: 'coOccurrence'; input: Parameters<typeof analysisTasks.coOccurrence>[0] }
  | { task: 'cohort'; input: Parameters<typeof analysisTasks.cohort>[0] };

/** Run one task (what a worker thread does with a message). */
export function runAnalysisTask(message: AnalysisTask): unknown {
  switch (message.task) {
    case 'agreement':
      return analysisTasks.agreement(message.input);
    case 'coOccurrence':
      return analysisTasks.coOccurrence(message.input);
    case 'cohort':
      return analysisTasks.cohort(message.input);
  }
}

/** Runs the computations in the calling thread (the CLI, tests). */
export const inProcessAnalysis: AnalysisRunner = {
  agreement: async (input) => analysisTasks.agreement(input),
  coOccurrence: async (segments) => analysisTasks.coOccurrence(segments),
  cohort: async (input) => analysisTasks.cohort(input),
};
