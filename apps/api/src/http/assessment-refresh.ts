/**
 * Keeps the stored caseload assessments of the current day (ADR 0026): once at start and then every
 * hour, beside snapshot publishing, every row computed for another day (or from other inputs) is
 * recomputed for today. Until it runs after midnight UTC, reads compute the stale PSWs in memory and
 * stay correct; reads never write. Several processes may run it at once: each row is replaced in the
 * transaction that computes it, and the organisation's row lock keeps two refreshes apart.
 */
import type { Db } from '@peerbridge/services';
import { refreshStaleAssessments } from '@peerbridge/services';
import type { Logger } from '../logger';

const EVERY_MS = 60 * 60 * 1000;

export async function refreshAssessmentsNow(db: Db, logger: Logger): Promise<void> {
  const report = await refreshStaleAssessments(db);
  if (report.refreshed > 0)
    logger.info({ asOf: report.asOf, refreshed: report.refreshed }, 'stored assessments refreshed');
}

/** Starts the hourly refresh; returns the function that stops it. */
export function startAssessmentRefresh(db: Db, logger: Logger): () => void {
  const log = logger.child({ component: 'stored-assessments' });
  const timer = setInterval(() => {
    refreshAssessmentsNow(db, log).catch((error: unknown) =>
      log.warn({ err: error }, 'refreshing stored assessments failed'),
    );
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
