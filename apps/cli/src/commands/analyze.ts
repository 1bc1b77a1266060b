/** `peerbridge analyze`: a study's cohort analytics, co-occurrence and agreement as a table, JSON or CSV. */
import { renderAnalysisCsv, renderAnalysisTable } from '../analysis/render-analysis';
import { analyzeStudyData, type StudyAnalysis } from '../analysis/study-analysis';
import type { CliContext } from '../context';
import { withDatabase } from '../database/open-database';
import { requireStudy } from '../importing/study-target';

export interface AnalyzeOptions {
  db?: string | undefined;
  study: string;
  org?: string | undefined;
  asOf?: string | undefined;
}

export async function analyzeStudy(options: AnalyzeOptions, ctx: CliContext): Promise<StudyAnalysis> {
  return withDatabase(options, ctx, async ({ db }) =>
    analyzeStudyData(db, await requireStudy(db, options), options.asOf),
  );
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
