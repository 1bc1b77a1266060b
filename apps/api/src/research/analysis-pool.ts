/**
 * The api's analysis pool (issue 10): agreement, co-occurrence and the cohort summary run in worker
 * threads (piscina), each under a heap limit and a time limit, with a bounded queue. A call sends the
 * study's id only: the worker reads the study on its own read-only connection, so the event loop
 * neither reads nor computes and keeps serving `/healthz` and the caseload while they run. A full queue is answered 503 with
 * Retry-After; a call over its limits gets a clear error, and the worker is replaced.
 */
import { availableParallelism } from 'node:os';
import type { AnalysisRunner, AnalysisTask } from '@peerbridge/services';
import { TRPCError } from '@trpc/server';
import { Piscina } from 'piscina';

export interface AnalysisPoolOptions {
  /**
   * The database the workers read, each on its own read-only connection: a SQLite file path or a
   * `postgres://` URL (the app passes its own).
   */
  databaseUrl: string;
  /** Worker threads (default: one less than the cores, at least 1, at most 4). */
  threads?: number;
  /** Calls waiting beyond the running ones before new ones are refused (default 16). */
  maxQueue?: number;
  /** Heap limit of a worker, in MB (default 1024). */
  heapLimitMb?: number;
  /** Time limit of one call, in ms (default 120 s). */
  timeoutMs?: number;
  /**
   * Nice value of the worker threads (default 10): on Linux a thread's own, so the event loop keeps
   * its priority and a computing worker gives way to it whenever both want the CPU. 0 leaves it.
   */
  nice?: number;
}

export interface AnalysisPool extends AnalysisRunner {
  destroy(): Promise<void>;
}

/** The worker module beside this one, with this module's extension: `.mjs` in dist, `.ts` (through tsx) from source. */
function workerFile(): { filename: string; execArgv: string[] } {
  const extension = /\.[cm]?[jt]s$/.exec(new URL(import.meta.url).pathname)?.[0] ?? '.js';
  const fromSource = extension.endsWith('ts');
  return {
    filename: new URL(`./analysis-worker${extension}`, import.meta.url).href,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  };
}

/** What a worker thread is started with (piscina passes it as `workerData`). */
export interface AnalysisWorkerData {
  databaseUrl: string;
  nice: number;
}

export function createAnalysisPool(options: AnalysisPoolOptions): AnalysisPool {
  const threads = options.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const heapLimitMb = options.heapLimitMb ?? 1024;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const { filename, execArgv } = workerFile();
  // Started on first use, so an app that never analyses starts no thread.
  let pool: Piscina | null = null;
  const started = (): Piscina => {
    if (pool) return pool;
    pool = new Piscina({
      filename,
      execArgv,
      workerData: { databaseUrl: options.databaseUrl, nice: options.nice ?? 10 } satisfies AnalysisWorkerData,
      minThreads: threads,
      maxThreads: threads,
      resourceLimits: { maxOldGenerationSizeMb: heapLimitMb },
    });
    // A worker killed for its memory is replaced; the failed call has already been answered.
    pool.on('error', () => undefined);
    return pool;
  };
  // Counted here: piscina does not apply its maxQueue to tasks that carry an abort signal.
  const maxInFlight = threads + (options.maxQueue ?? 16);
  let inFlight = 0;
  const busy = () =>
    new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Too many analyses are running; try again in a moment.',
    });
  const run = async <T>(message: AnalysisTask): Promise<T> => {
    if (inFlight >= maxInFlight) throw busy();
    inFlight += 1;
    try {
      return (await started().run(message, { signal: AbortSignal.timeout(timeoutMs) })) as T;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (/queue is at limit/i.test(text)) throw busy();
      if (error instanceof Error && error.name === 'AbortError')
        throw new TRPCError({
          code: 'TIMEOUT',
          message: `The analysis took longer than its limit of ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} and was stopped.`,
        });
      if (/memory limit/i.test(text))
        throw new TRPCError({
          code: 'PAYLOAD_TOO_LARGE',
          message: `The analysis needed more than its memory limit of ${heapLimitMb} MB and was stopped.`,
        });
      throw error;
    } finally {
      inFlight -= 1;
    }
  };
  return {
    agreement: ({ studyId, unit, setId }) => run({ task: 'agreement', studyId, unit, setId }),
    coOccurrence: ({ studyId, mode, setId }) => run({ task: 'coOccurrence', studyId, mode, setId }),
    cohort: ({ studyId, asOf }) => run({ task: 'cohort', studyId, asOf }),
    destroy: async () => {
      await pool?.destroy();
      pool = null;
    },
  };
}
