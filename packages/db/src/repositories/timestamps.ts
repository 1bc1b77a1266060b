/** The timestamp format every table stores (ISO 8601 UTC with milliseconds, as text). */
export function nowTimestamp(): string {
  return new Date().toISOString();
}
