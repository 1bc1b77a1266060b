/** The worker thread of the analysis pool: runs one research computation per message (piscina). */
// The narrow entry: a worker loads the domain's analytics, not the database layer.
import { type AnalysisTask, runAnalysisTask } from '@peerbridge/services/analysis-tasks';

export default function analysisWorker(message: AnalysisTask): unknown {
  return runAnalysisTask(message);
}
