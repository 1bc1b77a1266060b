/** Reading the researcher's pseudonymisation key from a file; the key is never stored or printed. */
import { readBytes, StudyInputError } from '@peerbridge/study-formats';

/** The key in a key file: its bytes, without a trailing line break that editors add. */
export async function readKeyFile(file: string): Promise<Uint8Array> {
  let bytes = await readBytes(file);
  while (bytes.length > 0 && (bytes[bytes.length - 1] === 0x0a || bytes[bytes.length - 1] === 0x0d))
    bytes = bytes.subarray(0, -1);
  if (bytes.length < 16) {
    throw new StudyInputError('invalid_input', `the key file holds ${bytes.length} bytes`, {
      location: { file },
      expected: 'a random key of at least 16 bytes (32 recommended, e.g. `openssl rand -hex 32 > key`)',
    });
  }
  return new Uint8Array(bytes);
}
