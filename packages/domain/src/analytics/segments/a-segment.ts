/** Test builder for coded segments (used by tests and the benchmark only). */
import type { CodedSegment } from './segment';

let counter = 0;

/** A coded segment with sensible defaults; override any field. */
export function aSegment(overrides: Partial<CodedSegment> = {}): CodedSegment {
  counter++;
  return { id: `s${counter}`, documentId: 'd1', codeId: 'code-a', start: 0, end: 10, ...overrides };
}
