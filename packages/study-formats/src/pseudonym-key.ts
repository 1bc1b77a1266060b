/**
 * A researcher's pseudonymisation key from its bytes (a key file read by the CLI, or the same file sent by
 * the portal): the bytes without the trailing line breaks editors add, at least 16 of them. Never stored.
 */
import { type InputLocation, StudyInputError } from './study-input-error';

export const MIN_PSEUDONYM_KEY_BYTES = 16;

export function pseudonymKeyOf(raw: Uint8Array, location: InputLocation): Uint8Array {
  let bytes = raw;
  while (bytes.length > 0 && (bytes[bytes.length - 1] === 0x0a || bytes[bytes.length - 1] === 0x0d))
    bytes = bytes.subarray(0, -1);
  if (bytes.length < MIN_PSEUDONYM_KEY_BYTES) {
    throw new StudyInputError('invalid_input', `the key file holds ${bytes.length} bytes`, {
      location,
      expected: 'a random key of at least 16 bytes (32 recommended, e.g. `openssl rand -hex 32 > key`)',
    });
  }
  return new Uint8Array(bytes);
}
