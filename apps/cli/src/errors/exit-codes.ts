/** The documented exit codes of `peerbridge` (see apps/cli/README.md); scripts may rely on them. */
export const ExitCode = {
  /** Success (including a re-import that was a reported no-op). */
  ok: 0,
  /** Usage: unknown command or option, missing or malformed argument. */
  usage: 1,
  /** Invalid input: a file or value that does not match what was expected (nothing was written). */
  invalidInput: 2,
  /** Not found: a file, study, organisation or user that does not exist. */
  notFound: 3,
  /** Conflict: the thing already exists (a user's e-mail, an initialised database). */
  conflict: 4,
  /** Forbidden: the acting user's role does not allow this. */
  forbidden: 5,
  /** Tampered: `audit verify` found a broken audit chain or a missing guard. */
  tampered: 6,
  /** Busy: another writer held the database's write lock past the busy timeout; nothing was written. */
  busy: 75,
  /** Interrupted by SIGINT / SIGTERM (nothing half-written stays behind). */
  interrupted: 130,
  /** Internal error: a bug or an unexpected failure (database down, disk full). */
  internal: 70,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit codes and environment variables as the main `--help` lists them (keep in step with README.md). */
export const exitCodesHelp = `
Exit codes:
  0    success (a re-import of an already imported file is a reported no-op)
  1    usage: unknown command or option, missing argument
  2    invalid input: a file or value is not what was expected (nothing was written)
  3    not found: file, study, organisation or user does not exist
  4    conflict: already exists (e-mail taken, database already initialised, GUID clash)
  5    forbidden: the acting user's role does not allow this
  6    tampered: audit verify found a broken audit chain or a missing guarding trigger
  70   internal error (set PEERBRIDGE_DEBUG=1 for the stack trace)
  75   busy: another writer held the database's lock too long; nothing was written, try again
  130  interrupted (Ctrl-C); nothing half-written stays behind

Environment:
  DATABASE_URL   SQLite file path or postgres:// URL (default: <repo root>/data/peerbridge.db)
  NO_COLOR       turn colours off; FORCE_COLOR turns them on without a TTY
`;
