/**
 * Ctrl-C that tells the truth (issue 10). A command that can stop at a safe point (an import) runs
 * inside `stoppingSafely`: the first SIGINT or SIGTERM only asks it to stop, and the command either
 * stops before its commit (nothing written, exit 130) or, when the commit has begun, finishes it and
 * says so (exit 0). Any other command, and a second signal, exits at once with 130: the database rolls
 * back whatever transaction was open.
 */
import type { Progress } from '@peerbridge/study-formats';

/** Thrown at a safe point after an interrupt was asked for: nothing has been committed. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  readonly code = 'interrupted';
  constructor(readonly signal: string) {
    super(`interrupted (${signal}) before anything was committed; nothing was written`);
  }
}

let requested: string | null = null;
let safeStops = 0;
/** Set once a safely stopping command has finished: the process is only printing and exiting. */
let finished = false;

/** The signal that asked the running command to stop, if any. */
export function interruptRequested(): string | null {
  return requested;
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
        return;
      }
      if (safeStops > 0 && requested === null) {
        requested = signal;
        stderr.write(`\npeerbridge: ${signal}: stopping at the next safe point (again to stop at once)\n`);
        return;
      }
      stderr.write(
        `\npeerbridge: interrupted (${signal}); the database rolls back any transaction that was open\n`,
      );
      process.exit(130);
    });
  }
}
