/** Reading the researcher's pseudonymisation key from a file; the key is never stored or printed. */
import { pseudonymKeyOf, readBytes } from '@peerbridge/study-formats';

/** The key in a key file: its bytes, without a trailing line break that editors add. */
export async function readKeyFile(file: string): Promise<Uint8Array> {
  return pseudonymKeyOf(await readBytes(file), { file });
}
