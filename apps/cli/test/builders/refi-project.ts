/**
 * Builds synthetic REFI-QDA projects for tests and the benchmark: project.qde written by hand (so a
 * test can add a BOM, CRLF line breaks, duplicate GUIDs or a hostile DOCTYPE) and zipped with yazl.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export interface SelectionSpec {
  /** UTF-16 positions in the document text (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
  codes: string[];
  coder?: string;
  guid?: string;
}

export interface DocumentSpec {
  name: string;
  text: string;
  /** Write the .txt with a UTF-8 byte order mark. */
  bom?: boolean;
  case?: string;
  selections: SelectionSpec[];
  guid?: string;
}

export interface CaseSpec {
  name: string;
  variables?: Record<string, string | number>;
}

export interface ProjectSpec {
  name?: string;
  codes: string[];
  cases?: CaseSpec[];
  coders?: string[];
  documents: DocumentSpec[];
  /** Raw XML inserted before <Project> (a DOCTYPE for the XXE test). */
  prolog?: string;
  /** Code GUIDs to use instead of derived ones (name -> guid). */
  codeGuids?: Record<string, string>;
  /** How positions are written: `codePoint` (the spec, default) or `utf16` (NVivo for Windows, QualCoder). */
  units?: 'codePoint' | 'utf16';
}

/** A deterministic GUID from a label, so tests can refer to objects by name. */
export function guidOf(label: string): string {
  const h = createHash('sha1').update(label).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Code point position of UTF-16 index `i` in `text` (the spec's way of counting). */
function codePointIndex(text: string, i: number): number {
  // Past the end (the out-of-range test) the overshoot is kept, not clamped by slice.
  return Array.from(text.slice(0, i)).length + Math.max(0, i - text.length);
}

export function projectXml(spec: ProjectSpec): string {
  const coders = spec.coders ?? ['Coder A'];
  const codeGuid = (name: string) => spec.codeGuids?.[name] ?? guidOf(`code:${name}`);
  const position = (text: string, i: number) => (spec.units === 'utf16' ? i : codePointIndex(text, i));
  const lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  if (spec.prolog) lines.push(spec.prolog);
  lines.push(
    `<Project xmlns="urn:QDA-XML:project:1.0" name="${esc(spec.name ?? 'Synthetic project')}" origin="PeerBridge test builder">`,
  );
  lines.push('<Users>');
  for (const c of coders) lines.push(`<User guid="${guidOf(`user:${c}`)}" name="${esc(c)}"/>`);
  lines.push('</Users>', '<CodeBook><Codes>');
  for (const c of spec.codes) lines.push(`<Code guid="${codeGuid(c)}" name="${esc(c)}" isCodable="true"/>`);
  lines.push('</Codes></CodeBook>');
  const variableNames = [...new Set((spec.cases ?? []).flatMap((c) => Object.keys(c.variables ?? {})))];
  if (variableNames.length > 0) {
    lines.push('<Variables>');
    for (const v of variableNames) {
      const numeric = (spec.cases ?? []).every(
        (c) => c.variables?.[v] === undefined || typeof c.variables[v] === 'number',
      );
      lines.push(
        `<Variable guid="${guidOf(`variable:${v}`)}" name="${esc(v)}" typeOfVariable="${numeric ? 'Integer' : 'Text'}"/>`,
      );
    }
    lines.push('</Variables>');
  }
  if (spec.cases && spec.cases.length > 0) {
    lines.push('<Cases>');
    for (const c of spec.cases) {
      lines.push(`<Case guid="${guidOf(`case:${c.name}`)}" name="${esc(c.name)}">`);
      for (const [v, value] of Object.entries(c.variables ?? {})) {
        const tag = typeof value === 'number' ? 'IntegerValue' : 'TextValue';
        lines.push(
          `<VariableValue><VariableRef targetGUID="${guidOf(`variable:${v}`)}"/><${tag}>${esc(String(value))}</${tag}></VariableValue>`,
        );
      }
      for (const d of spec.documents.filter((doc) => doc.case === c.name)) {
        lines.push(`<SourceRef targetGUID="${d.guid ?? guidOf(`doc:${d.name}`)}"/>`);
      }
      lines.push('</Case>');
    }
    lines.push('</Cases>');
  }
  lines.push('<Sources>');
  spec.documents.forEach((d) => {
    const guid = d.guid ?? guidOf(`doc:${d.name}`);
    lines.push(`<TextSource guid="${guid}" name="${esc(d.name)}" plainTextPath="internal://${guid}.txt">`);
    d.selections.forEach((s, i) => {
      const sel = s.guid ?? guidOf(`sel:${d.name}:${i}`);
      const user = guidOf(`user:${s.coder ?? coders[0]}`);
      lines.push(
        `<PlainTextSelection guid="${sel}" startPosition="${position(d.text, s.start)}" endPosition="${position(d.text, s.end)}" creatingUser="${user}" creationDateTime="2024-03-01T10:00:00Z">`,
      );
      s.codes.forEach((code, j) => {
        lines.push(
          `<Coding guid="${guidOf(`coding:${sel}:${j}`)}" creatingUser="${user}"><CodeRef targetGUID="${codeGuid(code)}"/></Coding>`,
        );
      });
      lines.push('</PlainTextSelection>');
    });
    lines.push('</TextSource>');
  });
  lines.push('</Sources>', '</Project>');
  return lines.join('\n');
}

/** Write the project as a .qdpx (zip) at `file`. `compress: false` is faster for big benchmark projects. */
export async function writeQdpx(
  file: string,
  spec: ProjectSpec,
  options: { compress?: boolean; xml?: string } = {},
): Promise<void> {
  const zip = new yazl.ZipFile();
  const compress = options.compress ?? true;
  zip.addBuffer(Buffer.from(options.xml ?? projectXml(spec), 'utf8'), 'project.qde', { compress });
  for (const d of spec.documents) {
    const guid = d.guid ?? guidOf(`doc:${d.name}`);
    const body = Buffer.from(d.text, 'utf8');
    const bytes = d.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
    zip.addBuffer(bytes, `sources/${guid}.txt`, { compress });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
}

/** Write only the XML (a bare .qde). */
export async function writeQde(file: string, spec: ProjectSpec): Promise<void> {
  await writeFile(file, projectXml(spec), 'utf8');
}
