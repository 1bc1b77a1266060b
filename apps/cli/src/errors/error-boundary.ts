/**
 * The CLI's one error boundary: every typed error of every package (RefiQdaError, DomainValidationError,
 * ServiceError, StudyInputError, zod, commander, file-system errors) is mapped here, and only here, to a message that
 * says where the problem is and what was expected, and to a documented exit code.
 */
import { CommanderError } from 'commander';
import { ZodError } from 'zod';
import type { CliContext } from '../context';
import { CliError, formatLocation, type InputLocation } from './cli-error';
import { ExitCode, type ExitCodeValue } from './exit-codes';

/** What the boundary prints and returns for one error. */
export interface ReportedError {
  readonly code: string;
  readonly exitCode: ExitCodeValue;
  readonly message: string;
  readonly location?: InputLocation | undefined;
  readonly expected?: string | undefined;
  readonly details?: ReadonlyArray<string> | undefined;
  /** True when `message` already starts with the location (RefiQdaError does that itself). */
  readonly messageHasLocation?: boolean | undefined;
}

interface Coded {
  name: string;
  code: string;
  message: string;
}

// The packages' error classes are recognised by name and code rather than instanceof: a second copy
// of a package in node_modules (or a bundled dist) would make instanceof fail silently.
function isNamed(error: unknown, name: string): error is Coded & Record<string, unknown> {
  return error instanceof Error && error.name === name && typeof (error as Partial<Coded>).code === 'string';
}

const refiExitCodes: Record<string, ExitCodeValue> = { file_not_found: ExitCode.notFound };

const studyInputExitCodes: Record<string, ExitCodeValue> = {
  usage: ExitCode.usage,
  invalid_input: ExitCode.invalidInput,
  too_large: ExitCode.invalidInput,
  not_found: ExitCode.notFound,
  conflict: ExitCode.conflict,
};

const serviceExitCodes: Record<string, ExitCodeValue> = {
  not_found: ExitCode.notFound,
  conflict: ExitCode.conflict,
  invalid_input: ExitCode.invalidInput,
  forbidden: ExitCode.forbidden,
};

function issuesOf(error: Record<string, unknown>): string[] {
  const issues = error.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((issue: { path?: unknown; message?: unknown }) => {
    const path =
      typeof issue.path === 'string' ? issue.path : Array.isArray(issue.path) ? issue.path.join('.') : '';
    return path ? `${path}: ${String(issue.message)}` : String(issue.message);
  });
}

/** Classify an error into what the user sees and the exit code. */
export function classifyError(error: unknown): ReportedError {
  if (error instanceof CliError) {
    return {
      code: error.code,
      exitCode: error.exitCode,
      message: error.message,
      location: error.location,
      expected: error.expected,
    };
  }
  if (isNamed(error, 'StudyInputError')) {
    const code = error.code as keyof typeof studyInputExitCodes;
    return {
      code: error.code,
      exitCode: studyInputExitCodes[code] ?? ExitCode.invalidInput,
      message: error.message,
      location: error.location as InputLocation | undefined,
      expected: error.expected as string | undefined,
    };
  }
  if (error instanceof CommanderError) {
    return { code: 'usage', exitCode: ExitCode.usage, message: error.message.replace(/^error: /, '') };
  }
  if (isNamed(error, 'RefiQdaError')) {
    const location = (error.location ?? {}) as InputLocation;
    // The package already prefixes its message with the location; print it once, not twice.
    return {
      code: error.code,
      exitCode: refiExitCodes[error.code] ?? ExitCode.invalidInput,
      message: error.message,
      location,
      messageHasLocation: true,
    };
  }
  if (isNamed(error, 'DomainValidationError')) {
    return {
      code: 'invalid_input',
      exitCode: ExitCode.invalidInput,
      message: error.message,
      details: issuesOf(error),
    };
  }
  if (isNamed(error, 'ServiceError')) {
    return {
      code: error.code,
      exitCode: serviceExitCodes[error.code] ?? ExitCode.internal,
      message: error.message,
      details: issuesOf(error).length > 1 ? issuesOf(error) : undefined,
    };
  }
  if (isNamed(error, 'InterruptedError')) {
    return { code: 'interrupted', exitCode: ExitCode.interrupted, message: error.message };
  }
  // No code property: recognised by name alone (it is one class of ours, see isNamed for why not instanceof).
  if (error instanceof Error && error.name === 'DatabaseBusyError') {
    return {
      code: 'busy',
      exitCode: ExitCode.busy,
      message: `${error.message}; nothing was written, try again in a moment`,
    };
  }
  if (isNamed(error, 'NativeSqliteError')) {
    // better-sqlite3 built for another Node: the message already says which and how to fix it.
    return { code: error.code, exitCode: ExitCode.internal, message: error.message };
  }
  if (error instanceof ZodError) {
    return {
      code: 'invalid_input',
      exitCode: ExitCode.invalidInput,
      message: 'invalid input',
      details: error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    };
  }
  const errno = error as NodeJS.ErrnoException;
  if (errno && typeof errno.code === 'string' && typeof errno.path === 'string') {
    if (errno.code === 'ENOENT') {
      return {
        code: 'not_found',
        exitCode: ExitCode.notFound,
        message: 'file not found',
        location: { file: errno.path },
      };
    }
    if (errno.code === 'EACCES' || errno.code === 'EISDIR' || errno.code === 'ENOTDIR') {
      return {
        code: 'invalid_input',
        exitCode: ExitCode.invalidInput,
        message: errno.message,
        location: { file: errno.path },
      };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', exitCode: ExitCode.internal, message };
}

function locationPrefix(reported: ReportedError): string {
  if (reported.location === undefined || reported.messageHasLocation) return '';
  const where = formatLocation(reported.location);
  return where ? `${where}: ` : '';
}

/** Print `error` (text on stderr, or one JSON document on stdout with --json) and return its exit code. */
export function reportError(error: unknown, ctx: CliContext): ExitCodeValue {
  const reported = classifyError(error);
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ ok: false, error: reported }, null, 2)}\n`);
    return reported.exitCode;
  }
  const unexpected = reported.exitCode === ExitCode.internal && reported.code !== 'native_module_mismatch';
  const label = unexpected ? 'internal error' : 'error';
  let text = `${ctx.err.red(ctx.err.bold(`peerbridge: ${label}:`))} ${locationPrefix(reported)}${reported.message}\n`;
  if (reported.expected && !reported.message.includes(reported.expected))
    text += `  expected: ${reported.expected}\n`;
  for (const detail of reported.details ?? []) text += `  - ${detail}\n`;
  if (unexpected) {
    if (ctx.env.debug && error instanceof Error && error.stack) text += `${ctx.err.dim(error.stack)}\n`;
    else text += ctx.err.dim('  (set PEERBRIDGE_DEBUG=1 to see the stack trace)\n');
  }
  ctx.stderr.write(text);
  return reported.exitCode;
}
