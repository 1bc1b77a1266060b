/**
 * Progress on stderr: a bar with rate and ETA redrawn on a TTY, plain lines for logs, or nothing.
 * Kept rather than cli-progress (last released 2023): the services report through one small interface that
 * must also come out as plain log lines or as nothing under --json; 70 lines do all three.
 */
import { type Progress, silentProgress } from '@peerbridge/study-formats';
import type { ProgressMode } from '../context';
import type { Palette, TextSink } from './terminal';

export { type Progress, silentProgress };

/** `1.2s`, `3m 04s`: short enough for a status line. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m ${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

/** One status line: bar, percentage, counts, rate per second and ETA. */
export function renderProgressLine(
  phase: string,
  done: number,
  total: number,
  elapsedSeconds: number,
  width = 24,
): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${phase} [${bar}] ${percent} ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${Math.round(rate).toLocaleString('en')}/s ETA ${formatDuration(eta)}`;
}

/**
 * A progress reporter for `mode`. Redraws are throttled (every `intervalMs`) so a 100,000-item
 * loop does not spend its time writing to the terminal.
 */
export function createProgress(
  mode: ProgressMode,
  sink: TextSink,
  palette: Palette,
  now: () => number = () => performance.now(),
  intervalMs = 100,
): Progress {
  if (mode === 'none') return silentProgress;
  let phase = '';
  let total = 0;
  let done = 0;
  let startedAt = 0;
  let lastDrawAt = Number.NEGATIVE_INFINITY;
  const line = () => renderProgressLine(phase, done, total, (now() - startedAt) / 1000);
  const draw = (force: boolean) => {
    const t = now();
    if (!force && t - lastDrawAt < intervalMs) return;
    lastDrawAt = t;
    if (mode === 'bar') sink.write(`\r\u001b[2K${palette.dim(line())}`);
    else sink.write(`progress: ${line()}\n`);
  };
  return {
    start(name, count) {
      phase = name;
      total = count;
      done = 0;
      startedAt = now();
      lastDrawAt = Number.NEGATIVE_INFINITY;
      draw(true);
    },
    update(count) {
      done = count;
      draw(false);
    },
    finish() {
      done = total;
      draw(true);
      if (mode === 'bar') sink.write('\n');
    },
  };
}
