/** How a long read or write reports how far it is: phases of counted items (the CLI draws a bar, the API may stream it). */

export interface Progress {
  /** Start a phase of `total` items (e.g. "writing rows", 100000). */
  start(phase: string, total: number): void;
  /** `done` items of the current phase are finished. */
  update(done: number): void;
  /** The current phase is over. */
  finish(): void;
}

/** A progress that shows nothing. */
export const silentProgress: Progress = { start() {}, update() {}, finish() {} };
