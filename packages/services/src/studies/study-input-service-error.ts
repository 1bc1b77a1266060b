/**
 * A study file's problem (a `StudyInputError` of the formats or a `RefiQdaError` of the reader) as the
 * services' `ServiceError`, for the API: the message names the file, line and column and what was
 * expected, with the upload folder's path taken out (the person knows their file by its name only).
 */
import { RefiQdaError } from '@peerbridge/refi-qda';
import { StudyInputError } from '@peerbridge/study-formats';
import { ServiceError, type ServiceErrorCode } from '../errors';

const codeOf: Record<StudyInputError['code'], ServiceErrorCode> = {
  usage: 'invalid_input',
  invalid_input: 'invalid_input',
  too_large: 'invalid_input',
  not_found: 'not_found',
  conflict: 'conflict',
};

function where(location: StudyInputError['location']): string {
  if (!location?.file) return '';
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) text += `:${location.column}`;
  if (location.element) text += ` (${location.element})`;
  return `${text}: `;
}

/** The service error for a study file's problem, or null when `error` is something else (a bug). */
export function studyInputServiceError(error: unknown, hiddenDir: string): ServiceError | null {
  const hide = (text: string) => text.split(`${hiddenDir}/`).join('').split(hiddenDir).join('');
  if (error instanceof StudyInputError) {
    const message = hide(`${where(error.location)}${error.message}`);
    const expected = error.expected ?? 'a file the import can read';
    return new ServiceError(
      codeOf[error.code],
      error.expected ? `${message}; expected ${expected}` : message,
      [{ path: 'file', expected, message }],
    );
  }
  if (error instanceof RefiQdaError) {
    const message = hide(error.message);
    return new ServiceError('invalid_input', message, [
      { path: 'file', expected: 'a complete, safe REFI-QDA project', message },
    ]);
  }
  return null;
}
