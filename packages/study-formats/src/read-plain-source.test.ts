/** Transcripts as plain sources: .txt as written (BOM removed), .docx through mammoth; bad files named. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentGuidFor } from './csv-guids';
import { detectInputKind } from './file-kind';
import { readPlainSource } from './read-plain-source';
import { StudyInputError } from './study-input-error';
import { docxOf } from './test-support/docx';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-plain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

async function refusal(promise: Promise<unknown>): Promise<StudyInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudyInputError);
  return error as StudyInputError;
}

const transcript = 'T: Jak se vám daří?\r\nR: Volají mi i v noci. 😀\r\n';

describe('plain-text sources', () => {
  it('tells a transcript by its extension, so a .txt is not taken for a CSV', async () => {
    expect(await detectInputKind(file('a.txt', 'a,b\n'))).toBe('text');
    expect(await detectInputKind(file('b.DOCX', docxOf(['x'])))).toBe('docx');
    expect(await detectInputKind(file('c.csv', 'a,b\n'))).toBe('csv');
  });

  it('reads a .txt as one document named after the file, its text as written but the BOM', async () => {
    const data = await readPlainSource(
      file('rozhovor-03.txt', `\uFEFF${transcript}`),
      'text',
      'rozhovor-03.txt',
    );
    expect(data.format).toBe('text');
    expect(data.documents).toEqual([
      {
        guid: documentGuidFor('rozhovor-03.txt'),
        name: 'rozhovor-03.txt',
        text: transcript,
        participantRef: null,
        date: null,
      },
    ]);
    expect([data.codes, data.segments, data.participants, data.observations]).toEqual([[], [], [], []]);
  });

  it('reads the paragraphs of a .docx, escaped characters and Czech letters included', async () => {
    const path = file('interview.docx', docxOf(['Otázka: Jak se máte?', '', 'Odpověď: <dobře> & klidně.']));
    const data = await readPlainSource(path, 'docx', 'interview.docx');
    expect(data.format).toBe('docx');
    expect(data.documents.map((d) => [d.name, d.text])).toEqual([
      ['interview.docx', 'Otázka: Jak se máte?\n\n\n\nOdpověď: <dobře> & klidně.'],
    ]);
  });

  it.each([
    [
      'a .txt that is not UTF-8',
      'latin.txt',
      Buffer.from([0x50, 0xf8, 0xed, 0x6c, 0x69, 0x9a]),
      'text',
      /UTF-8/,
    ],
    ['an empty .txt', 'empty.txt', '', 'text', /no text/],
    ['a .txt of blank lines', 'blank.txt', '\r\n  \n', 'text', /no text/],
    ['a .docx that is not a zip', 'plain.docx', 'just text', 'docx', /not a readable Word document/],
    [
      'a truncated .docx',
      'cut.docx',
      docxOf(['Věta.']).subarray(0, 40),
      'docx',
      /not a readable Word document/,
    ],
    [
      'a zip without a Word document in it',
      'nodoc.docx',
      docxOf([], { 'word/document.xml': null, '_rels/.rels': null }),
      'docx',
      /not a readable Word document/,
    ],
    ['a .docx with no text', 'blank.docx', docxOf(['', '   ']), 'docx', /no text/],
  ] as const)('refuses %s, naming the file', async (_what, name, bytes, kind, message) => {
    const path = file(name, bytes);
    const error = await refusal(readPlainSource(path, kind, name));
    expect(error.code).toBe('invalid_input');
    expect(error.location?.file).toBe(path);
    expect(error.message).toMatch(message);
  });
});
