/**
 * Generates a big synthetic .qdpx quickly (for the benchmark and the SIGKILL test): many documents of
 * invented interview text, paragraph-aligned coded selections, cases with variables, two coders.
 * Text uses Czech letters from the Basic Multilingual Plane, so code points and UTF-16 units agree.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { catalog, indicatorIds } from '@peerbridge/domain';
import yazl from 'yazl';

export interface GenerateOptions {
  documents: number;
  segments: number;
  /** Participants (cases); documents are spread over them. */
  participants?: number;
}

function guid(label: string): string {
  const h = createHash('sha1').update(label).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const words = [
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

/** A deterministic pseudo-random sequence, so every run generates the same project. */
function sequence(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** Write the project to `file`; returns the number of segments (selection x code) written. */
export async function generateProject(file: string, options: GenerateOptions): Promise<number> {
  const random = sequence(42);
  const participants = options.participants ?? Math.max(1, Math.round(options.documents / 10));
  const perDocument = Math.ceil(options.segments / options.documents);
  const mappedCodes = indicatorIds.slice(0, 20).map((id) => catalog.indicators[id].label.en);
  const codes = [...mappedCodes, ...Array.from({ length: 20 }, (_, i) => `Vlastní kód ${i + 1}`)];
  const coders = ['Coder A', 'Coder B'];
  const xml: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Project xmlns="urn:QDA-XML:project:1.0" name="Generated benchmark project" origin="PeerBridge generator">',
    `<Users>${coders.map((c) => `<User guid="${guid(`user:${c}`)}" name="${c}"/>`).join('')}</Users>`,
    `<CodeBook><Codes>${codes.map((c) => `<Code guid="${guid(`code:${c}`)}" name="${c}" isCodable="true"/>`).join('')}</Codes></CodeBook>`,
    `<Variables><Variable guid="${guid('var:setting')}" name="setting" typeOfVariable="Text"/><Variable guid="${guid('var:tenure')}" name="tenure" typeOfVariable="Integer"/></Variables>`,
    '<Cases>',
  ];
  const settings = ['inpatient', 'community', 'other'];
  for (let p = 0; p < participants; p++) {
    const refs: string[] = [];
    for (let d = p; d < options.documents; d += participants)
      refs.push(`<SourceRef targetGUID="${guid(`doc:${d}`)}"/>`);
    xml.push(
      `<Case guid="${guid(`case:${p}`)}" name="Participant ${String(p + 1).padStart(4, '0')}"><VariableValue><VariableRef targetGUID="${guid('var:setting')}"/><TextValue>${settings[p % 3]}</TextValue></VariableValue><VariableValue><VariableRef targetGUID="${guid('var:tenure')}"/><IntegerValue>${(p * 7) % 60}</IntegerValue></VariableValue>${refs.join('')}</Case>`,
    );
  }
  xml.push('</Cases>', '<Sources>');
  const zip = new yazl.ZipFile();
  let written = 0;
  for (let d = 0; d < options.documents; d++) {
    const paragraphs: string[] = [];
    const count = Math.max(10, Math.ceil(perDocument * 0.6));
    for (let i = 0; i < count; i++) {
      const n = 8 + Math.floor(random() * 10);
      paragraphs.push(Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' '));
    }
    const text = paragraphs.join('\n');
    const starts: number[] = [];
    let at = 0;
    for (const p of paragraphs) {
      starts.push(at);
      at += p.length + 1;
    }
    const id = guid(`doc:${d}`);
    xml.push(`<TextSource guid="${id}" name="Interview ${d + 1}.txt" plainTextPath="internal://${id}.txt">`);
    const segments = Math.min(perDocument, options.segments - written);
    for (let s = 0; s < segments; s++) {
      const p = Math.floor(random() * paragraphs.length);
      const length = (paragraphs[p] as string).length;
      const from = Math.floor(random() * (length / 2));
      const to = Math.min(length, from + 10 + Math.floor(random() * (length / 2)));
      const start = (starts[p] as number) + from;
      const end = (starts[p] as number) + to;
      const code = codes[Math.floor(random() * codes.length)] as string;
      const coder = coders[s % 2] as string;
      const sel = guid(`sel:${d}:${s}`);
      xml.push(
        `<PlainTextSelection guid="${sel}" startPosition="${start}" endPosition="${end}" creatingUser="${guid(`user:${coder}`)}"><Coding guid="${guid(`coding:${d}:${s}`)}" creatingUser="${guid(`user:${coder}`)}"><CodeRef targetGUID="${guid(`code:${code}`)}"/></Coding></PlainTextSelection>`,
      );
    }
    written += segments;
    xml.push('</TextSource>');
    zip.addBuffer(Buffer.from(text, 'utf8'), `sources/${id}.txt`);
  }
  xml.push('</Sources>', '</Project>');
  zip.addBuffer(Buffer.from(xml.join('\n'), 'utf8'), 'project.qde');
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
  return written;
}
