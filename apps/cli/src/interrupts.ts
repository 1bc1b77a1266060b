/**
 * Ctrl-C that tells the truth (issue 10). A command that can stop at a safe point (an import) runs
 * inside `stoppingSafely`: the first SIGINT or SIGTERM only asks it to stop, and the command either
 * stops before its commit (nothing written, exit 130) or, when the commit has begun, finishes it and
 * says so (exit 0). Any other command, and a second signal, exits at once with 130: the database rolls
 * back whatever transaction was open.
 */
import { existsSync, rmSync } from 'node:fs';
import type { Progress } from '@peerbridge/study-formats';

/** Thrown at a safe point after an interrupt was asked for: nothing has been committed. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  readonly code = 'interrupted';
  /** `message` says what the command left behind (default: nothing was written). */
  constructor(
    readonly signal: string,
    message = `interrupted (${signal}) before anything was committed; nothing was written`,
  ) {
    super(message);
  }
}

let requested: string | null = null;
let safeStops = 0;
/** Set once a safely stopping command has committed: the process is only reporting and exiting. */
let finished = false;
/** Partial files a stop-at-once (second signal) removes before exiting: temp files not yet renamed. */
const partialFiles = new Set<string>();
const waiting = new Set<(signal: string) => void>();

/** The signal that asked the running command to stop, if any. */
export function interruptRequested(): string | null {
  return requested;
}

/** Marks the work committed before `stoppingSafely` returns: a signal from now on only hears that it is complete. */
export function markCommitted(): void {
  finished = true;
}

/** Resolves with the signal once an interrupt is asked for, or with null after `timeoutMs`. */
export function whenInterrupted(timeoutMs: number): Promise<string | null> {
  if (requested !== null) return Promise.resolve(requested);
  return new Promise((resolve) => {
    const done = (signal: string | null) => {
      clearTimeout(timer);
      waiting.delete(done);
      resolve(signal);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    waiting.add(done);
  });
}

/**
 * Registers a partial file that a stop at once must remove (a second signal exits without reaching
 * the command's own clean-up). Returns the function that forgets it again.
 */
export function removeIfStoppedAtOnce(path: string): () => void {
  partialFiles.add(path);
  return () => {
    partialFiles.delete(path);
  };
}

/** Run `work` so that a first signal asks it to stop at its next safe point instead of killing it. */
export async function stoppingSafely<T>(work: () => Promise<T>): Promise<T> {
  safeStops += 1;
  try {
    const result = await work();
    finished = true;
    return result;
  } finally {
    safeStops -= 1;
  }
}

/** A progress whose every report is a safe point, until the commit begins. */
export function interruptibleProgress(inner: Progress): Progress {
  let committing = false;
  const check = () => {
    if (requested !== null && !committing) throw new InterruptedError(requested);
  };
  return {
    start(phase, total) {
      if (phase === 'committing') committing = true;
      else check();
      inner.start(phase, total);
    },
    update(done) {
      check();
      inner.update(done);
    },
    finish() {
      inner.finish();
    },
  };
}

/** Installs the handlers once, in the executable. */
export function installInterruptHandlers(stderr: NodeJS.WritableStream): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (finished) {
        // The work is committed and its report is being printed: exiting now would only lose the report.
        stderr.write(`\npeerbridge: ${signal} came after the work was committed; it is complete\n`);
        for (const wake of waiting) wake(signal);
        return;
      }
      if (safeStops > 0 && requested === null) {
        requested = signal;
        stderr.write(`\npeerbridge: ${signal}: stopping at the next safe point (again to stop at once)\n`);
        for (const wake of waiting) wake(signal);
        return;
      }
      const removed: string[] = [];
      for (const path of partialFiles) {
        if (!existsSync(path)) continue;
        rmSync(path, { force: true });
        removed.push(path);
      }
      stderr.write(
        `\npeerbridge: interrupted (${signal}); the database rolls back any transaction that was open${
          removed.length > 0 ? `; removed the partial file(s) ${removed.join(', ')}` : ''
        }\n`,
      );
      process.exit(130);
    });
  }
}
