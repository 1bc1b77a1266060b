/** The one error class this package throws, with a machine-readable code and a message naming file, place and expectation. */

export type RefiQdaErrorCode =
  | 'malformed_xml'
  | 'unsafe_xml'
  | 'invalid_structure'
  | 'missing_attribute'
  | 'invalid_zip'
  | 'unsafe_zip'
  | 'unsafe_path'
  | 'missing_project'
  | 'duplicate_guid'
  | 'selection_out_of_range'
  | 'offset_convention_mismatch'
  | 'bad_encoding'
  | 'file_not_found'
  | 'invalid_input';

/** Where in which file a problem was found; every field is optional because not every error has a position. */
export interface ErrorLocation {
  file?: string;
  element?: string;
  line?: number;
  column?: number;
}

export class RefiQdaError extends Error {
  override readonly name = 'RefiQdaError';
  readonly code: RefiQdaErrorCode;
  readonly location: ErrorLocation;

  constructor(code: RefiQdaErrorCode, message: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super(`${formatLocation(location)}${message}`, options);
    this.code = code;
    this.location = location;
  }
}

/** "project.qde:12:4 <Code>: " style prefix, so every message starts with where the problem is. */
export function formatLocation(location: ErrorLocation): string {
  let out = location.file ?? '';
  if (location.line !== undefined) {
    out += `:${location.line}`;
    if (location.column !== undefined) out += `:${location.column}`;
  }
  if (location.element !== undefined) out += `${out ? ' ' : ''}<${location.element}>`;
  return out ? `${out}: ` : '';
}
