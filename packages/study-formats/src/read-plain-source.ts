/**
 * A transcript as one plain-text source: a `.txt` file (UTF-8) or a Word `.docx` (its text through mammoth's
 * `extractRawText`). The study gets one document named after the file, with no codings; code it later in a
 * QDA tool, or import a segments CSV that names it. The text is stored as read (a `.txt` keeps its line
 * breaks, BOM removed), so later offsets index it exactly.
 */
import { stat } from 'node:fs/promises';
import { IMPORT_LIMITS, inflateAllEntries, type ReadLimits } from '@peerbridge/refi-qda';
import mammoth from 'mammoth';
import { documentGuidFor } from './csv-guids';
import { stripBom } from './json-file';
import { emptyStudyData, type StudyData } from './study-data';
import { StudyInputError } from './study-input-error';
import { readTextFile } from './text-file';

export type PlainSourceKind = 'text' | 'docx';

const MiB = 1024 * 1024;
const DOCX_EXPECTED = 'a .docx saved by Word, LibreOffice or Google Docs';

/**
 * A .docx is a zip: its entries are inflated once under these limits (entry count, sizes, ratio) before mammoth
 * holds them in memory, so a zip bomb is refused naming the limit. The text itself is held to the import's
 * `maxSourceTextBytes`, like a source inside a .qdpx.
 */
const DOCX_LIMITS: Readonly<ReadLimits> = Object.freeze({
  ...IMPORT_LIMITS,
  maxEntries: 10_000,
  maxEntryBytes: 128 * MiB,
  maxTotalBytes: 256 * MiB,
});

function tooLarge(file: string, bytes: number): StudyInputError {
  return new StudyInputError(
    'too_large',
    `the text is ${Math.ceil(bytes / MiB)} MiB; a transcript of at most ${IMPORT_LIMITS.maxSourceTextBytes / MiB} MiB is imported`,
    { location: { file } },
  );
}

async function readTxt(file: string): Promise<{ text: string; warnings: string[] }> {
  const { size } = await stat(file).catch(() => ({ size: 0 }));
  if (size > IMPORT_LIMITS.maxSourceTextBytes) throw tooLarge(file, size);
  return { text: stripBom(await readTextFile(file)), warnings: [] };
}

async function readDocx(file: string, name: string): Promise<{ text: string; warnings: string[] }> {
  try {
    await inflateAllEntries(file, DOCX_LIMITS);
  } catch (error) {
    if (((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
      throw new StudyInputError('not_found', 'file not found', { location: { file }, cause: error });
    const unsafe = (error as { code?: string }).code === 'unsafe_zip';
    throw new StudyInputError(
      unsafe ? 'too_large' : 'invalid_input',
      unsafe
        ? 'is refused: the .docx (a zip archive) is over a safety limit on its entries, sizes or compression ratio'
        : 'is not a readable Word document: the .docx (a zip archive) is damaged, or not a .docx at all',
      { location: { file }, expected: DOCX_EXPECTED, cause: error },
    );
  }
  let result: Awaited<ReturnType<typeof mammoth.extractRawText>>;
  try {
    result = await mammoth.extractRawText({ path: file });
  } catch (error) {
    throw new StudyInputError(
      'invalid_input',
      `is not a readable Word document: ${(error as Error).message}`,
      { location: { file }, expected: DOCX_EXPECTED, cause: error },
    );
  }
  // mammoth ends every paragraph with a blank line; the last ones carry nothing.
  const text = result.value.trimEnd();
  if (text.length * 2 > IMPORT_LIMITS.maxSourceTextBytes) throw tooLarge(file, text.length * 2);
  return { text, warnings: result.messages.map((m) => `${name}: ${m.message}`) };
}

/** Read `file` as one plain-text source named `name` (the file's base name). */
export async function readPlainSource(file: string, kind: PlainSourceKind, name: string): Promise<StudyData> {
  const { text, warnings } = kind === 'docx' ? await readDocx(file, name) : await readTxt(file);
  if (text.trim() === '') {
    throw new StudyInputError('invalid_input', 'has no text; nothing to import', {
      location: { file },
      expected: kind === 'docx' ? 'a Word document with text' : 'a UTF-8 text file with the transcript',
    });
  }
  const data = emptyStudyData(kind);
  data.documents.push({ guid: documentGuidFor(name), name, text, participantRef: null, date: null });
  for (const w of warnings) data.warnings.push(w);
  return data;
}
