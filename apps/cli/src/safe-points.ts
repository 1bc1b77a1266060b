/**
 * The named phases of a command that stops safely (export, backup). Each phase boundary is a safe
 * point: after an interrupt was asked for, the command stops there, cleans up and exits 130 with a
 * message saying what it left behind. The test hook `PEERBRIDGE_TEST_PAUSE_AT=<phase>` holds the
 * command at that phase until a signal comes, so every phase can be interrupted deterministically.
 */
import type { CliContext } from './context';
import { InterruptedError, interruptRequested, whenInterrupted } from './interrupts';

/** How long the test hook holds a phase when no signal comes (then the command carries on). */
const HOLD_MS = 30_000;

export interface SafePoints<Phase extends string> {
  /** A safe point: holds here under the test hook, then stops (throws) if an interrupt was asked for. */
  reached(phase: Phase): Promise<void>;
  /** The same for a synchronous step (the SQLite backup's page copy): throws when asked to stop. */
  check(phase: Phase): void;
  /** For a step that cannot await: true while the test hook holds `phase` and no signal has come. */
  holding(phase: Phase): boolean;
  /** Past the commit: only holds under the test hook (a signal now hears that the work is complete). */
  pause(phase: Phase): Promise<void>;
}

/** `stopped` says, for the phase the interrupt hit, what was (not) written. */
export function safePoints<Phase extends string>(
  ctx: CliContext,
  stopped: (signal: string, phase: Phase) => string,
): SafePoints<Phase> {
  let heldSince: number | null = null;
  const announce = (phase: Phase) =>
    ctx.stderr.write(`peerbridge: paused at ${phase} (PEERBRIDGE_TEST_PAUSE_AT)\n`);
  const check = (phase: Phase) => {
    const signal = interruptRequested();
    if (signal !== null) throw new InterruptedError(signal, stopped(signal, phase));
  };
  const pause = async (phase: Phase) => {
    if (ctx.env.testPauseAt !== phase || interruptRequested() !== null) return;
    announce(phase);
    await whenInterrupted(HOLD_MS);
  };
  return {
    async reached(phase) {
      await pause(phase);
      check(phase);
    },
    check,
    holding(phase) {
      if (ctx.env.testPauseAt !== phase || interruptRequested() !== null) return false;
      if (heldSince === null) {
        heldSince = Date.now();
        announce(phase);
      }
      return Date.now() - heldSince < HOLD_MS;
    },
    pause,
  };
}
