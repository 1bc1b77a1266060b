/** Reading a user's text file: a missing file is "not found", invalid UTF-8 is "invalid input". */
import { readFile } from 'node:fs/promises';
import { StudyInputError } from './study-input-error';

/** Read a whole file as bytes; ENOENT / EISDIR become CliErrors naming the file. */
export async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new StudyInputError('not_found', 'file not found', { location: { file }, cause: error });
    if (code === 'EISDIR') {
      throw new StudyInputError('invalid_input', 'is a directory, expected a file', {
        location: { file },
        cause: error,
      });
    }
    if (code === 'EACCES')
      throw new StudyInputError('invalid_input', 'permission denied', { location: { file }, cause: error });
    throw error;
  }
}

/** Read a file as UTF-8 text, refusing bytes that are not UTF-8 (with the byte offset). */
export async function readTextFile(file: string): Promise<string> {
  const bytes = await readBytes(file);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new StudyInputError('invalid_input', 'is not UTF-8 text (save it as UTF-8)', {
      location: { file },
      cause: error,
    });
  }
}
