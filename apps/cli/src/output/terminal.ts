/** The streams a command writes to, and colours that appear only on a TTY (and never with NO_COLOR). */
import type { CliEnv } from '../env';

/** Something text can be written to: process.stdout in real runs, a string buffer in tests. */
export interface TextSink {
  write(chunk: string): unknown;
  /** True when the sink is an interactive terminal. */
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

/** ANSI styles that collapse to plain text when colours are off. */
export interface Palette {
  readonly enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/** Colours on when the sink is a TTY, unless NO_COLOR is set; FORCE_COLOR turns them on anyway. */
export function colorsEnabled(sink: TextSink, env: Pick<CliEnv, 'noColor' | 'forceColor'>): boolean {
  if (env.noColor) return false;
  if (env.forceColor) return true;
  return sink.isTTY === true;
}

function style(enabled: boolean, open: number, close: number): (text: string) => string {
  return enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
}

export function makePalette(enabled: boolean): Palette {
  return {
    enabled,
    red: style(enabled, 31, 39),
    green: style(enabled, 32, 39),
    yellow: style(enabled, 33, 39),
    bold: style(enabled, 1, 22),
    dim: style(enabled, 2, 22),
  };
}

/** A sink that collects everything written to it; used by tests and by commands that buffer. */
export class StringSink implements TextSink {
  text = '';
  readonly isTTY: boolean;
  readonly columns = 100;
  constructor(isTTY = false) {
    this.isTTY = isTTY;
  }
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}
