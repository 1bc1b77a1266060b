/** `peerbridge analyze`: a study's cohort analytics, co-occurrence and agreement as a table, JSON or CSV. */
import type { AgreementUnit } from '@peerbridge/domain';
import {
  analyzeStudy as analyzeOwnStudy,
  type CoOccurrenceMode,
  resolveOperatorActor,
  type StudyAnalysis,
} from '@peerbridge/services';
import { StudyInputError } from '@peerbridge/study-formats';
import { renderAnalysisCsv, renderAnalysisTable } from '../analysis/render-analysis';
import type { CliContext } from '../context';
import { withDatabase } from '../database/open-database';
import { remoteAnalyze } from '../remote/remote-research';
import type { RemoteTarget } from '../remote/server-client';

export interface AnalyzeOptions {
  db?: string | undefined;
  study: string;
  org?: string | undefined;
  asOf?: string | undefined;
  /** The unit agreement is measured on (default paragraph). */
  unit?: AgreementUnit | undefined;
  /** Which segments co-occurrence pairs (default within-coder). */
  coOccurrence?: CoOccurrenceMode | undefined;
  /** A set of the imported project (by name) the analysis is restricted to. */
  set?: string | undefined;
}

export async function analyzeStudy(
  options: AnalyzeOptions,
  ctx: CliContext,
  remote: RemoteTarget | null = null,
): Promise<StudyAnalysis> {
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
    throw new StudyInputError('usage', `--as-of "${options.asOf}" is not a date`, { expected: 'YYYY-MM-DD' });
  }
  const input = {
    study: options.study,
    asOf: options.asOf,
    unit: options.unit,
    coOccurrence: options.coOccurrence,
    set: options.set,
  };
  if (remote !== null) return remoteAnalyze(remote, input);
  return withDatabase(options, ctx, async ({ db }) => {
    const actor = await resolveOperatorActor(db, { org: options.org, study: options.study });
    return analyzeOwnStudy(db, actor, input);
  });
}

/** Print the analysis in the chosen format on stdout. */
export function writeAnalysis(
  ctx: CliContext,
  analysis: StudyAnalysis,
  format: 'table' | 'json' | 'csv',
): void {
  if (format === 'json') ctx.stdout.write(`${JSON.stringify({ ok: true, ...analysis }, null, 2)}\n`);
  else if (format === 'csv') ctx.stdout.write(renderAnalysisCsv(analysis));
  else ctx.stdout.write(`${renderAnalysisTable(analysis, ctx.out)}\n`);
}
