/** What every command receives: where to write, how to write (JSON or text, colours), where it runs. */
import type { Readable } from 'node:stream';
import { type CliEnv, readEnv } from './env';
import { colorsEnabled, makePalette, type Palette, StringSink, type TextSink } from './output/terminal';

/** How progress is shown on stderr: a redrawn bar (TTY), one line per step (logs, tests), or nothing. */
export type ProgressMode = 'bar' | 'lines' | 'none';

export interface CliContext {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly stdin: Readable | undefined;
  readonly env: CliEnv;
  /** The directory relative paths given on the command line are resolved against. */
  readonly cwd: string;
  /** Machine-readable output: one JSON document on stdout, nothing else there. */
  readonly json: boolean;
  /** Colours for stdout and stderr (each decided by its own TTY). */
  readonly out: Palette;
  readonly err: Palette;
  readonly progress: ProgressMode;
}

export interface ContextOptions {
  stdout?: TextSink;
  stderr?: TextSink;
  stdin?: Readable | undefined;
  env?: CliEnv;
  cwd?: string;
  json?: boolean;
  progress?: ProgressMode | 'auto';
}

/** Build a context; defaults are the real process streams and environment. */
export function createContext(options: ContextOptions = {}): CliContext {
  const env = options.env ?? readEnv();
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const wanted = options.progress ?? 'auto';
  const progress: ProgressMode = wanted === 'auto' ? (stderr.isTTY === true ? 'bar' : 'none') : wanted;
  return {
    stdout,
    stderr,
    stdin: 'stdin' in options ? options.stdin : process.stdin,
    env,
    cwd: options.cwd ?? env.initCwd ?? process.cwd(),
    json: options.json ?? false,
    out: makePalette(colorsEnabled(stdout, env)),
    err: makePalette(colorsEnabled(stderr, env)),
    progress,
  };
}

/** A context for tests: string sinks, no colours, a fixed environment, no stdin unless given. */
export function createTestContext(
  options: Omit<ContextOptions, 'stdout' | 'stderr'> = {},
): CliContext & { stdout: StringSink; stderr: StringSink } {
  const stdout = new StringSink();
  const stderr = new StringSink();
  const env: CliEnv = options.env ?? {
    databaseUrl: undefined,
    noColor: true,
    forceColor: false,
    initCwd: undefined,
    debug: false,
  };
  const context = createContext({ progress: 'none', stdin: undefined, ...options, env, stdout, stderr });
  return { ...context, stdout, stderr };
}
