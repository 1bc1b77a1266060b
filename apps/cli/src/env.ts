/** The CLI's environment, read once: the only file of the CLI that touches process.env. */

/** The environment variables the CLI understands, already interpreted. */
export interface CliEnv {
  /** `DATABASE_URL`: a SQLite file path or a `postgres://` URL; empty when unset. */
  readonly databaseUrl: string | undefined;
  /** `NO_COLOR` set to anything non-empty turns colours off (https://no-color.org). */
  readonly noColor: boolean;
  /** `FORCE_COLOR` set to anything but `0` turns colours on even without a TTY. */
  readonly forceColor: boolean;
  /** `INIT_CWD`: the directory pnpm was started from (pnpm moves the cwd into the package). */
  readonly initCwd: string | undefined;
  /** `PEERBRIDGE_DEBUG`: print stack traces of internal errors. */
  readonly debug: boolean;
  /**
   * `PEERBRIDGE_TEST_PAUSE_AT`: a test hook. A command that stops safely holds at the phase of this
   * name until a SIGINT or SIGTERM arrives (at most 30 s), so the interrupt tests reach each phase
   * deterministically. Unset in normal use.
   */
  readonly testPauseAt?: string | undefined;
  /** `PEERBRIDGE_SERVER`: the server research commands go to (instead of a database). */
  readonly server?: string | undefined;
  /** `PEERBRIDGE_TOKEN`: the API token for that server (for scripts and CI; `peerbridge login` saves one). */
  readonly token?: string | undefined;
  /** Where `peerbridge login` keeps its credentials: `XDG_CONFIG_HOME`, else `~/.config`. */
  readonly configHome?: string | undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Interpret an environment (defaults to the process's own). */
export function readEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  return {
    databaseUrl: nonEmpty(env.DATABASE_URL),
    noColor: nonEmpty(env.NO_COLOR) !== undefined,
    forceColor: nonEmpty(env.FORCE_COLOR) !== undefined && env.FORCE_COLOR !== '0',
    initCwd: nonEmpty(env.INIT_CWD),
    debug: nonEmpty(env.PEERBRIDGE_DEBUG) !== undefined,
    testPauseAt: nonEmpty(env.PEERBRIDGE_TEST_PAUSE_AT),
    server: nonEmpty(env.PEERBRIDGE_SERVER),
    token: nonEmpty(env.PEERBRIDGE_TOKEN),
    configHome:
      nonEmpty(env.XDG_CONFIG_HOME) ?? (nonEmpty(env.HOME) === undefined ? undefined : `${env.HOME}/.config`),
  };
}
