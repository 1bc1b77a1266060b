/**
 * Publishes the team view's snapshots (ADR 0013): once at start and then every hour, so an ended
 * period is published soon after midnight UTC on the 1st. Several processes may race: the store
 * keeps the first snapshot of each period. Reads never publish.
 */
import type { Db } from '@peerbridge/services';
import { publishDueSnapshots } from '@peerbridge/services';
import type { Logger } from '../logger';

const EVERY_MS = 60 * 60 * 1000;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function publishSnapshotsNow(db: Db, logger: Logger): Promise<void> {
  const report = await publishDueSnapshots(db, today());
  if (report.published.length > 0) logger.info({ published: report.published }, 'team snapshots published');
}

/** Starts the hourly publication; returns the function that stops it. */
export function startSnapshotPublishing(db: Db, logger: Logger): () => void {
  const log = logger.child({ component: 'team-snapshots' });
  const timer = setInterval(() => {
    publishSnapshotsNow(db, log).catch((error: unknown) =>
      log.warn({ err: error }, 'publishing snapshots failed'),
    );
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
