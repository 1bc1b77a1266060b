/** The services' one error type: expected failures with stable codes, mapped once at each edge (tRPC, CLI). */
import type { z } from 'zod';

/** Stable error codes the api maps to FORBIDDEN / NOT_FOUND / BAD_REQUEST / CONFLICT. */
export type ServiceErrorCode = 'forbidden' | 'not_found' | 'invalid_input' | 'conflict';

/** One bad field: its dotted path in the input, what was expected there, and a readable line. */
export interface InputIssue {
  readonly path: string;
  readonly expected: string;
  readonly message: string;
}

/** An expected failure of a use case. `issues` is filled for `invalid_input`. */
export class ServiceError extends Error {
  override name = 'ServiceError';
  readonly code: ServiceErrorCode;
  readonly issues: ReadonlyArray<InputIssue>;

  constructor(code: ServiceErrorCode, message: string, issues: ReadonlyArray<InputIssue> = []) {
    super(message);
    this.code = code;
    this.issues = issues;
  }
}

/** Not found, and also "exists but not yours": the caller never learns which. */
export const notFound = (what: string): ServiceError => new ServiceError('not_found', `${what} not found`);
export const forbidden = (why: string): ServiceError => new ServiceError('forbidden', why);
export const conflict = (why: string): ServiceError => new ServiceError('conflict', why);

function issueFromZod(issue: z.core.$ZodIssue): InputIssue {
  const path = issue.path.map((p) => String(p)).join('.');
  const raw = issue.message.replace(/^Invalid input:\s*/, '');
  const expected =
    issue.code === 'invalid_type'
      ? String(issue.expected)
      : raw.replace(/^expected\s+/i, '').replace(/, received.*$/, '');
  return { path, expected, message: raw };
}

/** Converts a zod error into an invalid_input ServiceError naming every bad field. */
export function invalidInputFromZod(error: z.ZodError, what = 'input'): ServiceError {
  const issues = error.issues.map(issueFromZod);
  const lines = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return new ServiceError('invalid_input', `Invalid ${what}: ${lines.join('; ')}`, issues);
}

/** Validates a use case's input; throws invalid_input listing each bad field. */
export function parseServiceInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what = 'input',
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInputFromZod(result.error, what);
  return result.data;
}

/** The service error for one bad field found after schema validation (e.g. a date before the start). */
export function invalidField(path: string, expected: string): ServiceError {
  return new ServiceError('invalid_input', `Invalid input: ${path}: expected ${expected}`, [
    { path, expected, message: `expected ${expected}` },
  ]);
}
