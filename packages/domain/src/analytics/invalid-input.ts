/** Builds a DomainValidationError for a check zod cannot express (cross-field rules found while computing). */
import { DomainValidationError } from '../errors';

/** One-issue DomainValidationError: `message` starts with "expected ...", as the core's messages do. */
export function invalidInput(what: string, path: string, message: string): DomainValidationError {
  return new DomainValidationError(what, [{ path, expected: message.replace(/^expected\s+/, ''), message }]);
}
