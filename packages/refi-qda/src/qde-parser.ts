/** Streaming (SAX) parser for project.qde XML: drives the element families in `qde/` without ever holding a DOM. */

import type { SaxesTagNS } from 'saxes';
import { RefiQdaError } from './errors';
import { FastSaxesParser } from './fast-saxes';
import type { ReadLimits } from './limits';
import type { Code, Note, Project, TextSource } from './model';
import type { ReadPhaseTimes } from './phase-times';
import { type Attrs, type Frame, type OpenElement, QdeContext } from './qde/context';
import { codebookRootFrame, projectRootFrame } from './qde/project';
import { schemaWarnings } from './schema-check';
import { StrictUtf8StreamDecoder } from './utf8';

const PROJECT_NS = 'urn:QDA-XML:project:1.0';
const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

export { normalizeGuid } from './qde/context';

/** What the parse pass produces: the model with unresolved selections, plus where texts still have to come from. */
export interface ParsedProject {
  project: Project;
  /** Inline `<PlainTextContent>` of text sources, by source GUID (kept out of the model to save memory). */
  inlineTexts: Map<string, string>;
  /** Notes whose text lives in a file (`plainTextPath`) rather than inline. */
  notePaths: Map<Note, string>;
}

/**
 * Streaming: each text source goes to `onTextSource` as soon as its element closes (and leaves the model), so
 * the parser holds one source's selections at a time. The XML is not read further until the call resolves.
 */
export interface QdeStream {
  /** The builder to fill (create it first to see `project` before the parse ends). */
  builder: QdeContext;
  onTextSource(source: TextSource, inlineText: string | undefined): Promise<void>;
  /** Bytes of XML read so far, after each chunk. */
  onBytes?(bytes: number): void;
  /** Adds the time spent inflating (`unzip`) and parsing (`xml`) the XML. */
  times?: ReadPhaseTimes;
}

function attrsOf(tag: SaxesTagNS): Attrs {
  const out: Attrs = {};
  const attributes = tag.attributes;
  // for-in, not Object.values: this runs for every element of a million-segment file.
  for (const key in attributes) {
    const attr = attributes[key] as (typeof attributes)[string];
    // Namespace declarations and xsi:* hints are not data.
    if (attr.prefix === 'xmlns' || attr.name === 'xmlns' || attr.prefix === 'xsi') continue;
    out[attr.local] = attr.value;
  }
  return out;
}

/**
 * Parses project XML (or, with rootElement 'CodeBook', a .qdc codebook) arriving as byte chunks (from a zip entry or a file stream). Throws `RefiQdaError` with the
 * file, element and line on malformed, hostile or structurally wrong input.
 */
export async function parseQde(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  limits: Pick<ReadLimits, 'maxXmlDepth' | 'maxXmlBytes'> & Partial<Pick<ReadLimits, 'maxSchemaCheckBytes'>>,
  rootElement: 'Project' | 'CodeBook' = 'Project',
  stream?: QdeStream,
): Promise<ParsedProject> {
  const builder = stream?.builder ?? new QdeContext(file);
  const closedSources: TextSource[] = [];
  if (stream) builder.onTextSource = (source) => closedSources.push(source);
  let codeGuids: Set<string> | null = null;
  const drain = async () => {
    if (!stream) return;
    while (closedSources.length > 0) {
      const source = closedSources.shift() as TextSource;
      codeGuids ??= codeGuidsOf(builder.project.codes);
      warnDanglingCodeRefs(builder, [source], codeGuids);
      const inline = builder.inlineTexts.get(source.guid);
      builder.inlineTexts.delete(source.guid);
      await stream.onTextSource(source, inline);
    }
  };
  const namespace = rootElement === 'Project' ? PROJECT_NS : CODEBOOK_NS;
  const schemaLimit = limits.maxSchemaCheckBytes ?? 0;
  // The XML text is kept for the XSD check only while it stays under the limit.
  let xmlParts: string[] | null = schemaLimit > 0 ? [] : null;
  /** Namespace URI of each open element, to warn once at the top of a foreign subtree. */
  const uris: string[] = [];
  const parser = new FastSaxesParser({ xmlns: true, position: true });
  const decoder = new StrictUtf8StreamDecoder(file);
  const stack: Frame[] = [];
  let tagStart = { line: 1, column: 0 };
  let sawRoot = false;

  const here = () => ({ file, line: parser.line, column: parser.column });

  parser.on('error', (err) => {
    // saxes prefixes "line:column: "; the location is carried separately.
    const message = err.message.replace(/^\d+:\d+: /, '');
    throw new RefiQdaError('malformed_xml', `not well-formed XML: ${message}`, here(), { cause: err });
  });
  parser.on('xmldecl', (decl) => {
    const encoding = decl.encoding?.toLowerCase();
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') {
      throw new RefiQdaError(
        'bad_encoding',
        `the XML declares encoding="${decl.encoding}"; REFI-QDA project files must be UTF-8`,
        here(),
      );
    }
  });
  parser.on('doctype', () => {
    throw new RefiQdaError(
      'unsafe_xml',
      'a DOCTYPE declaration is not accepted: it can define entities (entity expansion, external files) and REFI-QDA files never need one',
      here(),
    );
  });
  parser.on('opentagstart', () => {
    tagStart = { line: parser.line, column: parser.column };
  });
  parser.on('opentag', (tag) => {
    const el: OpenElement = {
      name: tag.local,
      uri: tag.uri ?? '',
      attrs: attrsOf(tag),
      line: tagStart.line,
      column: tagStart.column,
    };
    if (stack.length >= limits.maxXmlDepth) {
      throw new RefiQdaError(
        'unsafe_xml',
        `elements are nested more than ${limits.maxXmlDepth} deep (limit maxXmlDepth)`,
        { file, element: el.name, line: el.line, column: el.column },
      );
    }
    const parent = stack[stack.length - 1];
    const parentUri = uris[uris.length - 1] ?? namespace;
    if (el.uri !== namespace && parentUri === namespace && !parent?.text) {
      builder.warn(
        {
          code: 'foreign_namespace',
          message: `<${el.name}> at line ${el.line}:${el.column} is in namespace ${el.uri === '' ? '(none)' : `"${el.uri}"`}, not ${namespace}; it is read as the REFI-QDA element of the same name, but other tools may ignore it`,
          element: el.name,
          line: el.line,
        },
        `ns:${el.name}:${el.uri}`,
      );
    }
    uris.push(el.uri);
    let frame: Frame;
    if (!parent) {
      sawRoot = true;
      frame = rootElement === 'Project' ? projectRootFrame(builder, el) : codebookRootFrame(builder, el);
    } else if (parent.child) {
      frame = parent.child(el);
    } else if (parent.text) {
      // Markup inside a text-only element (e.g. <b> in a Description): keep its text, drop the tags.
      frame = {
        element: el.name,
        line: el.line,
        column: el.column,
        text: [],
        close: (t) => parent.text?.push(t),
      };
    } else {
      frame = builder.skip(el);
    }
    stack.push(frame);
  });
  const onText = (text: string) => {
    stack[stack.length - 1]?.text?.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    uris.pop();
    const frame = stack.pop();
    frame?.close?.(frame.text ? frame.text.join('') : '');
  });

  const times = stream?.times;
  const iterator = chunks[Symbol.asyncIterator]();
  // Iterated by hand to time the inflating apart from the parsing; an error closes the source as for-await would.
  try {
    for (;;) {
      let started = performance.now();
      const next = await iterator.next();
      if (times) times.unzip += performance.now() - started;
      if (next.done) break;
      const chunk = next.value;
      started = performance.now();
      if (decoder.byteCount + chunk.length > limits.maxXmlBytes) {
        throw new RefiQdaError(
          'unsafe_xml',
          `the project XML is larger than ${limits.maxXmlBytes} bytes (limit maxXmlBytes)`,
          { file },
        );
      }
      const text = decoder.decode(chunk);
      if (xmlParts !== null) {
        if (decoder.byteCount > schemaLimit) xmlParts = null;
        else xmlParts.push(text);
      }
      parser.write(text);
      if (times) times.xml += performance.now() - started;
      stream?.onBytes?.(decoder.byteCount);
      await drain();
    }
  } catch (err) {
    await iterator.return?.(undefined);
    throw err;
  }
  const tail = decoder.end();
  xmlParts?.push(tail);
  parser.write(tail);
  parser.close();
  await drain();
  if (!sawRoot) {
    throw new RefiQdaError(
      'malformed_xml',
      'the file contains no XML element; expected a <Project> document',
      {
        file,
      },
    );
  }
  if (!stream) warnDanglingCodeRefs(builder, builder.project.sources, codeGuidsOf(builder.project.codes));
  warnNotKept(builder);
  if (xmlParts !== null) {
    const checking = performance.now();
    for (const w of await schemaWarnings(xmlParts.join(''), rootElement, file)) builder.warn(w);
    if (times) times.schema += performance.now() - checking;
  } else if (schemaLimit > 0) {
    builder.warn({
      code: 'schema_not_checked',
      message: `${file}: the XML is larger than ${schemaLimit} bytes (limit maxSchemaCheckBytes), so it was not checked against the REFI-QDA schema`,
    });
  }
  return { project: builder.project, inlineTexts: builder.inlineTexts, notePaths: builder.notePaths };
}

const NOT_KEPT_LABELS: Record<string, string> = {
  PDFSource: 'PDF source',
  PictureSource: 'picture source',
  AudioSource: 'audio source',
  VideoSource: 'video source',
  Link: 'link',
  Graph: 'graph',
};

/** Everything the model leaves out, in ONE warning with counts (never a line per object). */
function warnNotKept(builder: QdeContext): void {
  if (builder.notKept.size === 0) return;
  const counts = Object.fromEntries([...builder.notKept].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const parts = Object.entries(counts).map(([kind, n]) => {
    const s = n === 1 ? '' : 's';
    const inSource = / selection$/.exec(kind) ? kind.slice(0, -' selection'.length) : undefined;
    if (inSource !== undefined) return `${n} selection${s} in ${NOT_KEPT_LABELS[inSource] ?? inSource}s`;
    if (kind.startsWith('Note/')) return `${n} <${kind.slice('Note/'.length)}> in notes`;
    const label = NOT_KEPT_LABELS[kind];
    return label === undefined ? `${n} <${kind}>` : `${n} ${label}${s}`;
  });
  builder.warn({
    code: 'not_imported',
    message: `not imported (only text sources, their selections, codes, cases, variables, notes and sets are kept): ${parts.join(', ')}`,
    counts,
  });
}

function codeGuidsOf(list: ReadonlyArray<Code>, into = new Set<string>()): Set<string> {
  for (const c of list) {
    into.add(c.guid);
    codeGuidsOf(c.children, into);
  }
  return into;
}

/** A coding that points at no code cannot be imported as-is; say so once per missing code instead of failing. */
function warnDanglingCodeRefs(
  builder: QdeContext,
  sources: ReadonlyArray<Project['sources'][number]>,
  codes: ReadonlySet<string>,
): void {
  for (const source of sources) {
    if (source.kind !== 'text') continue;
    const check = (coding: TextSource['codings'][number]) => {
      if (codes.has(coding.codeGuid)) return;
      builder.warn(
        {
          code: 'dangling_reference',
          message: `coding ${coding.guid} in text source ${source.guid} refers to code ${coding.codeGuid}, which is not in the codebook`,
          guid: coding.guid,
        },
        `dangling:${coding.codeGuid}`,
      );
    };
    for (const coding of source.codings) check(coding);
    for (const selection of source.selections) for (const coding of selection.codings) check(coding);
  }
}
