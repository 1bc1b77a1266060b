/** The sha256 of an input file, which identifies it: the same bytes imported twice are a no-op. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StudyInputError } from './study-input-error';

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new StudyInputError('not_found', 'file not found', { location: { file }, cause: error });
    if (code === 'EISDIR')
      throw new StudyInputError('invalid_input', 'is a directory, expected a file', {
        location: { file },
        cause: error,
      });
    throw error;
  }
  return hash.digest('hex');
}
