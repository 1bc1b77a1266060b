/**
 * Test and benchmark helper: a big synthetic .qdpx written streaming to a file, so a project of a million
 * coded segments never exists whole in memory. Every document's text comes from its own seeded sequence, so
 * the project XML (positions) and the source entries are generated independently and agree. Text uses Czech
 * letters of the Basic Multilingual Plane (code points and UTF-16 units agree) and LF line breaks.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export interface LargeProjectOptions {
  documents: number;
  /** Coded segments in all (one code per selection), spread evenly over the documents. */
  segments: number;
  /** Participants (cases); documents are dealt out to them in turn. Default: one per 10 documents. */
  participants?: number;
  /** Code names of the codebook (e.g. indicator labels, so codes map). Default: 40 made-up names. */
  codeNames?: readonly string[];
  /** Deflate the entries (default true, as tools write them); off is faster for tests. */
  compress?: boolean;
  /**
   * Replace the source text of document `index` with these bytes (e.g. invalid UTF-8), to test a fault late in
   * the archive. The selections still point into the generated text.
   */
  corruptSource?: { index: number; bytes: Buffer };
}

export interface LargeProjectSummary {
  documents: number;
  segments: number;
  participants: number;
  codes: number;
  /** Segments per document, in document order. */
  segmentsPerDocument: number[];
}

/** A canonical UUID for object `n` of a kind (kinds keep GUIDs of codes, sources, selections... apart). */
export const largeGuid = (kind: number, n: number) =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const KIND = { user: 1, code: 2, variable: 3, case: 4, source: 5, selection: 6, coding: 7 } as const;

const WORDS = [
  'práce',
  'klient',
  'tým',
  'večer',
  'telefon',
  'porada',
  'zkušenost',
  'podpora',
  'hranice',
  'důvěra',
  'kolega',
  'oddělení',
  'rozhovor',
  'čas',
  'únava',
];

/** xorshift32: a deterministic sequence per seed. */
function sequence(seed: number): () => number {
  let x = (seed * 2654435761 + 1) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

interface GeneratedDocument {
  text: string;
  /** [start, end) of each paragraph. */
  paragraphs: Array<[number, number]>;
}

function documentText(index: number, selections: number): GeneratedDocument {
  const random = sequence(index + 1);
  const count = Math.max(10, Math.ceil(selections * 0.6));
  const parts: string[] = [];
  const paragraphs: Array<[number, number]> = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const n = 8 + Math.floor(random() * 10);
    const words: string[] = [];
    for (let w = 0; w < n; w++) words.push(WORDS[Math.floor(random() * WORDS.length)] as string);
    const paragraph = words.join(' ');
    parts.push(paragraph);
    paragraphs.push([at, at + paragraph.length]);
    at += paragraph.length + 1;
  }
  return { text: parts.join('\n'), paragraphs };
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string,
  );
}

function perDocumentCounts(documents: number, segments: number): number[] {
  const out: number[] = [];
  const base = Math.floor(segments / documents);
  const extra = segments % documents;
  for (let d = 0; d < documents; d++) out.push(base + (d < extra ? 1 : 0));
  return out;
}

/** The project XML, one source at a time. */
function* projectXml(
  options: LargeProjectOptions,
  codes: readonly string[],
  counts: number[],
  participants: number,
): Generator<string> {
  const coders = ['Coder A', 'Coder B'];
  yield '<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Generated large project" origin="PeerBridge test generator">\n';
  yield `<Users>${coders.map((c, i) => `<User guid="${largeGuid(KIND.user, i)}" name="${c}"/>`).join('')}</Users>\n<CodeBook><Codes>`;
  for (let c = 0; c < codes.length; c++)
    yield `<Code guid="${largeGuid(KIND.code, c)}" name="${escapeXml(codes[c] as string)}" isCodable="true"/>`;
  yield `</Codes></CodeBook>\n<Variables><Variable guid="${largeGuid(KIND.variable, 0)}" name="setting" typeOfVariable="Text"/><Variable guid="${largeGuid(KIND.variable, 1)}" name="tenure" typeOfVariable="Integer"/></Variables>\n<Cases>\n`;
  const settings = ['inpatient', 'community', 'other'];
  for (let p = 0; p < participants; p++) {
    let refs = '';
    for (let d = p; d < options.documents; d += participants)
      refs += `<SourceRef targetGUID="${largeGuid(KIND.source, d)}"/>`;
    yield `<Case guid="${largeGuid(KIND.case, p)}" name="Participant ${String(p + 1).padStart(4, '0')}"><VariableValue><VariableRef targetGUID="${largeGuid(KIND.variable, 0)}"/><TextValue>${settings[p % 3]}</TextValue></VariableValue><VariableValue><VariableRef targetGUID="${largeGuid(KIND.variable, 1)}"/><IntegerValue>${(p * 7) % 60}</IntegerValue></VariableValue>${refs}</Case>\n`;
  }
  yield '</Cases>\n<Sources>\n';
  let n = 0;
  for (let d = 0; d < options.documents; d++) {
    const selections = counts[d] as number;
    const { paragraphs } = documentText(d, selections);
    const random = sequence(1_000_003 + d);
    const id = largeGuid(KIND.source, d);
    let xml = `<TextSource guid="${id}" name="Interview ${d + 1}.txt" plainTextPath="internal://${id}.txt">\n`;
    for (let s = 0; s < selections; s++, n++) {
      const [from, to] = paragraphs[Math.floor(random() * paragraphs.length)] as [number, number];
      const length = to - from;
      const start = from + Math.floor(random() * (length / 2));
      const end = Math.min(to, start + 5 + Math.floor(random() * (length / 2)));
      const code = largeGuid(KIND.code, Math.floor(random() * codes.length));
      const coder = largeGuid(KIND.user, s % 2);
      xml += `<PlainTextSelection guid="${largeGuid(KIND.selection, n)}" startPosition="${start}" endPosition="${end}" creatingUser="${coder}"><Coding guid="${largeGuid(KIND.coding, n)}" creatingUser="${coder}"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>\n`;
      if (xml.length > 64 * 1024) {
        yield xml;
        xml = '';
      }
    }
    yield `${xml}</TextSource>\n`;
  }
  yield '</Sources>\n</Project>\n';
}

/** Write the project to `file` (sources first, project.qde last); memory stays at one document. */
export async function writeLargeQdpx(
  file: string,
  options: LargeProjectOptions,
): Promise<LargeProjectSummary> {
  if (options.documents < 1) throw new Error('writeLargeQdpx needs at least one document');
  const participants = options.participants ?? Math.max(1, Math.round(options.documents / 10));
  const codes = options.codeNames ?? Array.from({ length: 40 }, (_, i) => `Kód ${i + 1}`);
  const counts = perDocumentCounts(options.documents, options.segments);
  const compress = options.compress ?? true;
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(file));
  // Sources are added lazily: yazl reads each stream only when its entry's turn comes.
  for (let d = 0; d < options.documents; d++) {
    const body = function* () {
      if (options.corruptSource?.index === d) yield options.corruptSource.bytes;
      else yield Buffer.from(documentText(d, counts[d] as number).text, 'utf8');
    };
    zip.addReadStream(
      Readable.from(body(), { objectMode: false }),
      `sources/${largeGuid(KIND.source, d)}.txt`,
      {
        compress,
      },
    );
  }
  const xml = function* () {
    for (const part of projectXml(options, codes, counts, participants)) yield Buffer.from(part, 'utf8');
  };
  zip.addReadStream(Readable.from(xml(), { objectMode: false }), 'project.qde', { compress });
  zip.end();
  await written;
  return {
    documents: options.documents,
    segments: options.segments,
    participants,
    codes: codes.length,
    segmentsPerDocument: counts,
  };
}
