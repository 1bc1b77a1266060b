/** The CLI's own expected failure: a message for the user, where it happened, and the exit code. */
import { ExitCode, type ExitCodeValue } from './exit-codes';

/** Where in an input file a problem is; every part is optional, the more the better. */
export interface InputLocation {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** An XML element, a CSV column, a JSON path. */
  readonly element?: string | undefined;
}

/** Stable short codes, printed in --json error output. */
export type CliErrorCode =
  | 'usage'
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'interrupted'
  /** The server refused the API token (unknown, revoked, or its owner is no longer a researcher). */
  | 'forbidden'
  /** The server could not be reached, or answered that it is busy: try again later. */
  | 'unavailable';

const exitCodeFor: Record<CliErrorCode, ExitCodeValue> = {
  usage: ExitCode.usage,
  invalid_input: ExitCode.invalidInput,
  not_found: ExitCode.notFound,
  conflict: ExitCode.conflict,
  interrupted: ExitCode.interrupted,
  forbidden: ExitCode.forbidden,
  unavailable: ExitCode.busy,
};

/** An expected failure; the error boundary prints `message` (with the location) and exits with `exitCode`. */
export class CliError extends Error {
  readonly code: CliErrorCode;
  readonly exitCode: ExitCodeValue;
  readonly location: InputLocation | undefined;
  /** What was expected at the location, e.g. "an integer from 1 to 5". */
  readonly expected: string | undefined;

  constructor(
    code: CliErrorCode,
    message: string,
    options: { location?: InputLocation; expected?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.code = code;
    this.exitCode = exitCodeFor[code];
    this.location = options.location;
    this.expected = options.expected;
  }
}

/** `file:line:column` (only the parts that are known), as editors and terminals link them. */
export function formatLocation(location: InputLocation | undefined): string {
  if (!location) return '';
  let text = location.file ?? '';
  if (location.line !== undefined) {
    text += `${text ? ':' : 'line '}${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  if (location.element) text += `${text ? ' ' : ''}(${location.element})`;
  return text;
}
