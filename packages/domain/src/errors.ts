/** The domain's one error type for bad input, and the zod entry check every public function uses. */
import type { z } from 'zod';

/** One problem found in an input: where it is (dotted path), what was expected there, and a readable line. */
export interface ValidationIssue {
  readonly path: string;
  readonly expected: string;
  readonly message: string;
}

/** Thrown when an input to a public domain function does not match its schema; lists every issue. */
export class DomainValidationError extends Error {
  readonly code = 'invalid_input' as const;
  readonly issues: ReadonlyArray<ValidationIssue>;

  constructor(what: string, issues: ReadonlyArray<ValidationIssue>) {
    const lines = issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`));
    super(`Invalid ${what} input: ${lines.join('; ')}`);
    this.name = 'DomainValidationError';
    this.issues = issues;
  }
}

/** Dotted path as users see it in JSON: `observations.3.value`; the root is the empty string. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'symbol' ? p.toString() : String(p))).join('.');
}

// zod's built-in messages start with "Invalid input: "; our own messages already start with
// "expected ...". Normalising both keeps every line of an error in one style.
function describeIssue(issue: z.core.$ZodIssue): { expected: string; message: string } {
  const raw = issue.message.replace(/^Invalid input:\s*/, '');
  const message = /^expected\b/i.test(raw) ? raw : raw.charAt(0).toLowerCase() + raw.slice(1);
  if (issue.code === 'invalid_type') return { expected: String(issue.expected), message };
  const expected = /^expected\s+/i.test(raw)
    ? raw.replace(/^expected\s+/i, '').replace(/, received.*$/, '')
    : raw;
  return { expected, message };
}

/** Turn zod's issues (including nested union issues) into our flat issue list. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), ...describeIssue(issue) }));
}

/** Validate `input` against `schema`; throws DomainValidationError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainValidationError(what, toValidationIssues(result.error));
  return result.data;
}
