/** Which reader a file needs: by extension, else by its first bytes. */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { StudyInputError } from './study-input-error';

/** `text` and `docx`: a transcript, read as one plain-text source. */
export type InputKind = 'refi' | 'csv' | 'json' | 'text' | 'docx';

/** Sniff a file's kind; an unknown extension is decided by content (zip, XML, JSON, else CSV). */
export async function detectInputKind(file: string): Promise<InputKind> {
  const ext = extname(file).toLowerCase();
  if (ext === '.qdpx' || ext === '.qde') return 'refi';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.txt') return 'text';
  if (ext === '.docx') return 'docx';
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      head = Buffer.alloc(64);
      const { bytesRead } = await handle.read(head, 0, 64, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new StudyInputError('not_found', 'file not found', { location: { file } });
    throw error;
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return 'refi';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) return 'refi';
  if (text.startsWith('{')) return 'json';
  if (text.length > 0) return 'csv';
  throw new StudyInputError('invalid_input', 'the file is empty', {
    location: { file },
    expected: 'a .qdpx, .qde, .csv, .json, .txt or .docx file',
  });
}
