/**
 * The worker thread of the analysis pool: runs one research computation per message (piscina). A
 * message names the study; the worker reads it itself on one read-only connection per thread,
 * opened on first use (better-sqlite3 `readonly`, or a pg pool of read-only sessions). The thread
 * runs at a lower priority than the server's.
 */
import { getPriority, setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { openReadOnlyDatabase, type ReadOnlyDatabase } from '@peerbridge/db/read-only';
import { type AnalysisTask, runAnalysisTask } from '@peerbridge/services/analysis-tasks';
import type { AnalysisWorkerData } from './analysis-pool';

const data = (workerData ?? {}) as Partial<AnalysisWorkerData>;

// On Linux the nice value is per thread (set relative to the server's): this thread yields the CPU to the server's event loop whenever
// both want it (issue 10). Raising one's own nice value needs no privilege; where it cannot be set,
// the worker runs at the server's priority and its limits still hold.
try {
  if (typeof data.nice === 'number' && data.nice > 0) setPriority(Math.min(19, getPriority() + data.nice));
} catch {
  // Not permitted or not supported on this platform.
}

let connection: Promise<ReadOnlyDatabase> | null = null;

function database(): Promise<ReadOnlyDatabase> {
  const url = data.databaseUrl;
  if (typeof url !== 'string' || url === '')
    return Promise.reject(new Error('The analysis worker was started without a database URL'));
  connection ??= openReadOnlyDatabase(url).catch((error: unknown) => {
    // The next task tries again (the database may have been unreachable for a moment).
    connection = null;
    throw error;
  });
  return connection;
}

export default async function analysisWorker(message: AnalysisTask): Promise<unknown> {
  const { db } = await database();
  return runAnalysisTask(db, message);
}
