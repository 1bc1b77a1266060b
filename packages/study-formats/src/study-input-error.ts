/** The one error of the study formats: what is wrong with a researcher's file or option, where, and what was expected. */

/** Where in an input file a problem is; every part is optional, the more the better. */
export interface InputLocation {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** An XML element, a CSV column, a JSON path. */
  readonly element?: string | undefined;
}

/** Stable short codes; each edge (CLI exit code, API status) maps them once. */
export type StudyInputErrorCode = 'usage' | 'invalid_input' | 'not_found' | 'conflict' | 'too_large';

/** An expected failure caused by the input; nothing was written when it is thrown. */
export class StudyInputError extends Error {
  override name = 'StudyInputError';
  readonly code: StudyInputErrorCode;
  readonly location: InputLocation | undefined;
  /** What was expected at the location, e.g. "an integer from 1 to 5". */
  readonly expected: string | undefined;

  constructor(
    code: StudyInputErrorCode,
    message: string,
    options: { location?: InputLocation; expected?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.location = options.location;
    this.expected = options.expected;
  }
}
