/** Streaming (SAX) parser for project.qde XML: builds the project model without ever holding a DOM. */

import { SaxesParser, type SaxesTagNS } from 'saxes';
import { RefiQdaError } from './errors';
import type { ReadLimits } from './limits';
import type {
  Audit,
  Case,
  Code,
  CodeSet,
  Coding,
  ImportWarning,
  MediaKind,
  MediaSource,
  Note,
  Project,
  TextLocation,
  TextSelection,
  TextSource,
  User,
  Variable,
  VariableType,
  VariableValue,
} from './model';
import { StrictUtf8StreamDecoder } from './utf8';

/** What the parse pass produces: the model with unresolved selections, plus where texts still have to come from. */
export interface ParsedProject {
  project: Project;
  /** Inline `<PlainTextContent>` of text sources, by source GUID (kept out of the model to save memory). */
  inlineTexts: Map<string, string>;
  /** Notes whose text lives in a file (`plainTextPath`) rather than inline. */
  notePaths: Map<Note, string>;
}

type Attrs = Record<string, string>;

interface Frame {
  element: string;
  line: number;
  column: number;
  /** Returns the frame for a child element; absent means children are unexpected and get skipped. */
  child?: (el: OpenElement) => Frame;
  /** Set when the frame collects its text content. */
  text?: string[];
  close?: (text: string) => void;
}

interface OpenElement {
  name: string;
  attrs: Attrs;
  line: number;
  column: number;
}

const VARIABLE_TYPES: readonly VariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];
const MEDIA_KINDS: Record<string, MediaKind> = {
  PDFSource: 'pdf',
  PictureSource: 'picture',
  AudioSource: 'audio',
  VideoSource: 'video',
};
const SELECTION_ELEMENTS = new Set([
  'PlainTextSelection',
  'PDFSelection',
  'PictureSelection',
  'AudioSelection',
  'VideoSelection',
  'TranscriptSelection',
]);

/** GUIDs are compared case-insensitively and with or without braces, so the model keeps one spelling. */
export function normalizeGuid(guid: string): string {
  const trimmed = guid.trim();
  const bare = trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1) : trimmed;
  return bare.toLowerCase();
}

export function textLocationOf(path: string | undefined): TextLocation {
  if (path === undefined) return 'none';
  const scheme = /^([a-z]+):\/\//i.exec(path)?.[1]?.toLowerCase();
  if (scheme === 'internal' || scheme === 'relative' || scheme === 'absolute') return scheme;
  // A bare name is how some tools point into sources/; treat it as internal.
  return 'internal';
}

class QdeBuilder {
  readonly project: Project = {
    name: '',
    users: [],
    codes: [],
    sources: [],
    cases: [],
    variables: [],
    sets: [],
    notes: [],
    noteRefs: [],
    warnings: [],
    offsetDecisions: [],
  };
  readonly inlineTexts = new Map<string, string>();
  readonly notePaths = new Map<Note, string>();
  private readonly guids = new Map<string, string>();
  private readonly warned = new Set<string>();

  constructor(private readonly file: string) {}

  warn(warning: ImportWarning, dedupeKey?: string): void {
    if (dedupeKey !== undefined) {
      if (this.warned.has(dedupeKey)) return;
      this.warned.add(dedupeKey);
    }
    this.project.warnings.push(warning);
  }

  private where(el: OpenElement): string {
    return `<${el.name}> at line ${el.line}:${el.column}`;
  }

  required(el: OpenElement, attr: string, expected: string): string {
    const value = el.attrs[attr];
    if (value === undefined || value.trim() === '') {
      throw new RefiQdaError(
        'missing_attribute',
        `missing required attribute "${attr}"; expected ${expected}`,
        {
          file: this.file,
          element: el.name,
          line: el.line,
          column: el.column,
        },
      );
    }
    return value;
  }

  /** Reads and registers the element's own GUID; a second object with the same GUID is an error. */
  ownGuid(el: OpenElement, attr = 'guid'): string {
    const guid = normalizeGuid(this.required(el, attr, 'a GUID like 0f8a1907-7e42-4739-8610-a676b4d1b69f'));
    const first = this.guids.get(guid);
    if (first !== undefined) {
      throw new RefiQdaError(
        'duplicate_guid',
        `GUID ${guid} is used twice: first by ${first}, again by ${this.where(el)}; every object needs its own GUID`,
        { file: this.file, element: el.name, line: el.line, column: el.column },
      );
    }
    this.guids.set(guid, this.where(el));
    return guid;
  }

  ref(el: OpenElement): string {
    const value = el.attrs.targetGUID ?? el.attrs.guid;
    if (value === undefined || value.trim() === '') {
      throw new RefiQdaError(
        'missing_attribute',
        'missing required attribute "targetGUID"; expected a GUID',
        {
          file: this.file,
          element: el.name,
          line: el.line,
          column: el.column,
        },
      );
    }
    return normalizeGuid(value);
  }

  integer(el: OpenElement, attr: string): number {
    const raw = this.required(el, attr, 'a whole number');
    if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
      throw new RefiQdaError(
        'invalid_structure',
        `attribute "${attr}" is "${raw}"; expected a whole number`,
        {
          file: this.file,
          element: el.name,
          line: el.line,
          column: el.column,
        },
      );
    }
    return Number.parseInt(raw, 10);
  }

  audit(el: OpenElement): Audit {
    const a = el.attrs;
    return {
      creatingUser: a.creatingUser === undefined ? undefined : normalizeGuid(a.creatingUser),
      creationDateTime: a.creationDateTime,
      modifyingUser: a.modifyingUser === undefined ? undefined : normalizeGuid(a.modifyingUser),
      modifiedDateTime: a.modifiedDateTime,
    };
  }

  frame(el: OpenElement, rest: Omit<Frame, 'element' | 'line' | 'column'> = {}): Frame {
    return { element: el.name, line: el.line, column: el.column, ...rest };
  }

  textFrame(el: OpenElement, close: (text: string) => void): Frame {
    return this.frame(el, { text: [], close });
  }

  /** A subtree the model does not use; said once per element kind. */
  ignored(el: OpenElement, parent: string, why: string): Frame {
    this.warn(
      { code: 'element_ignored', message: `<${el.name}> inside <${parent}> is not imported: ${why}` },
      `ignored:${parent}/${el.name}`,
    );
    return this.skip(el);
  }

  skip(el: OpenElement, onSelection?: () => void): Frame {
    const child = (c: OpenElement): Frame => {
      if (onSelection && SELECTION_ELEMENTS.has(c.name)) onSelection();
      return this.skip(c, onSelection);
    };
    return this.frame(el, { child });
  }

  unknown(el: OpenElement, parent: string): Frame {
    return this.ignored(el, parent, 'not part of REFI-QDA 1.5 or not supported');
  }

  // --- element handlers, one per REFI-QDA element kind ---

  root(el: OpenElement): Frame {
    if (el.name !== 'Project') {
      const hint = el.name === 'CodeBook' ? ' (this looks like a .qdc codebook, not a project)' : '';
      throw new RefiQdaError(
        'invalid_structure',
        `the root element is <${el.name}>; expected <Project> (urn:QDA-XML:project:1.0)${hint}`,
        { file: this.file, element: el.name, line: el.line, column: el.column },
      );
    }
    const p = this.project;
    const a = el.attrs;
    if (a.name === undefined) {
      this.warn({ code: 'attribute_defaulted', message: '<Project> has no name attribute; using ""' });
    }
    p.name = a.name ?? '';
    p.origin = a.origin;
    p.basePath = a.basePath;
    p.creatingUser = a.creatingUserGUID === undefined ? undefined : normalizeGuid(a.creatingUserGUID);
    p.creationDateTime = a.creationDateTime;
    p.modifyingUser = a.modifyingUserGUID === undefined ? undefined : normalizeGuid(a.modifyingUserGUID);
    p.modifiedDateTime = a.modifiedDateTime;
    return this.frame(el, {
      child: (c) => {
        switch (c.name) {
          case 'Users':
            return this.frame(c, {
              child: (u) => (u.name === 'User' ? this.user(u) : this.unknown(u, 'Users')),
            });
          case 'CodeBook':
            return this.frame(c, {
              child: (codes) =>
                codes.name === 'Codes'
                  ? this.frame(codes, {
                      child: (code) =>
                        code.name === 'Code' ? this.code(code, p.codes) : this.unknown(code, 'Codes'),
                    })
                  : this.unknown(codes, 'CodeBook'),
            });
          case 'Variables':
            return this.frame(c, {
              child: (v) => (v.name === 'Variable' ? this.variable(v) : this.unknown(v, 'Variables')),
            });
          case 'Cases':
            return this.frame(c, {
              child: (k) => (k.name === 'Case' ? this.case(k) : this.unknown(k, 'Cases')),
            });
          case 'Sources':
            return this.frame(c, { child: (s) => this.source(s) });
          case 'Notes':
            return this.frame(c, {
              child: (n) => (n.name === 'Note' ? this.note(n) : this.unknown(n, 'Notes')),
            });
          case 'Sets':
            return this.frame(c, {
              child: (s) => (s.name === 'Set' ? this.set(s) : this.unknown(s, 'Sets')),
            });
          case 'Links':
            return this.ignored(c, 'Project', 'links between objects are not part of the imported model');
          case 'Graphs':
            return this.ignored(c, 'Project', 'graphs are not part of the imported model');
          case 'Description':
            return this.textFrame(c, (t) => {
              p.description = t;
            });
          case 'NoteRef':
            p.noteRefs.push(this.ref(c));
            return this.skip(c);
          default:
            return this.unknown(c, 'Project');
        }
      },
    });
  }

  /** Root of a .qdc codebook: `<CodeBook origin><Codes>...</Codes><Sets>...</Sets></CodeBook>`. */
  codebookRoot(el: OpenElement): Frame {
    if (el.name !== 'CodeBook') {
      const hint = el.name === 'Project' ? ' (this looks like a project .qde, not a codebook)' : '';
      throw new RefiQdaError(
        'invalid_structure',
        `the root element is <${el.name}>; expected <CodeBook> (urn:QDA-XML:codebook:1.0)${hint}`,
        { file: this.file, element: el.name, line: el.line, column: el.column },
      );
    }
    const p = this.project;
    p.origin = el.attrs.origin;
    return this.frame(el, {
      child: (c) => {
        if (c.name === 'Codes') {
          return this.frame(c, {
            child: (code) => (code.name === 'Code' ? this.code(code, p.codes) : this.unknown(code, 'Codes')),
          });
        }
        if (c.name === 'Sets') {
          return this.frame(c, { child: (s) => (s.name === 'Set' ? this.set(s) : this.unknown(s, 'Sets')) });
        }
        return this.unknown(c, 'CodeBook');
      },
    });
  }

  user(el: OpenElement): Frame {
    // Some tools put the GUID in "id" and leave "guid" out; NVivo writes both (id = initials).
    const a = el.attrs;
    const guidAttr =
      a.guid !== undefined ? 'guid' : a.GUID !== undefined ? 'GUID' : a.id !== undefined ? 'id' : 'guid';
    const user: User = { guid: this.ownGuid(el, guidAttr), name: a.name };
    if (guidAttr !== 'id' && a.id !== undefined) user.id = a.id;
    this.project.users.push(user);
    return this.skip(el);
  }

  code(el: OpenElement, siblings: Code[]): Frame {
    const guid = this.ownGuid(el);
    const name = this.required(el, 'name', 'the code name');
    const codable = el.attrs.isCodable;
    if (codable === undefined) {
      this.warn(
        {
          code: 'attribute_defaulted',
          message: '<Code> without isCodable treated as codable (isCodable="true")',
        },
        'isCodable-default',
      );
    }
    const code: Code = {
      guid,
      name,
      isCodable: codable === undefined ? true : codable.trim() === 'true' || codable.trim() === '1',
      color: el.attrs.color,
      noteRefs: [],
      children: [],
    };
    siblings.push(code);
    return this.frame(el, {
      child: (c) => {
        if (c.name === 'Code') return this.code(c, code.children);
        if (c.name === 'Description')
          return this.textFrame(c, (t) => {
            code.description = t;
          });
        if (c.name === 'NoteRef') {
          code.noteRefs.push(this.ref(c));
          return this.skip(c);
        }
        return this.unknown(c, 'Code');
      },
    });
  }

  variable(el: OpenElement): Frame {
    const guid = this.ownGuid(el);
    const name = this.required(el, 'name', 'the variable name');
    const rawType = el.attrs.typeOfVariable;
    let type: VariableType = 'Text';
    if (rawType !== undefined && (VARIABLE_TYPES as readonly string[]).includes(rawType)) {
      type = rawType as VariableType;
    } else {
      this.warn({
        code: 'attribute_defaulted',
        message: `<Variable> "${name}" has typeOfVariable=${rawType === undefined ? '(none)' : `"${rawType}"`}; treated as Text`,
        guid,
      });
    }
    const variable: Variable = { guid, name, type };
    this.project.variables.push(variable);
    return this.frame(el, {
      child: (c) =>
        c.name === 'Description'
          ? this.textFrame(c, (t) => {
              variable.description = t;
            })
          : this.unknown(c, 'Variable'),
    });
  }

  variableValue(el: OpenElement, into: VariableValue[]): Frame {
    let variableGuid: string | undefined;
    let value: VariableValue | undefined;
    const valueFrame = (c: OpenElement, type: VariableType): Frame =>
      this.textFrame(c, (t) => {
        value = { variableGuid: '', type, value: this.typedValue(c, type, t) };
      });
    return this.frame(el, {
      child: (c) => {
        if (c.name === 'VariableRef') {
          variableGuid = this.ref(c);
          return this.skip(c);
        }
        const type = c.name.endsWith('Value') ? c.name.slice(0, -'Value'.length) : '';
        if ((VARIABLE_TYPES as readonly string[]).includes(type)) return valueFrame(c, type as VariableType);
        return this.unknown(c, 'VariableValue');
      },
      close: () => {
        if (variableGuid === undefined) {
          throw new RefiQdaError(
            'invalid_structure',
            'has no <VariableRef>; expected one naming the variable',
            {
              file: this.file,
              element: el.name,
              line: el.line,
              column: el.column,
            },
          );
        }
        // An empty VariableValue (no value element) is allowed by the schema; it means "no value".
        if (value) into.push({ ...value, variableGuid });
      },
    });
  }

  private typedValue(el: OpenElement, type: VariableType, text: string): string | number | boolean {
    const t = text.trim();
    if (type === 'Boolean') {
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
    } else if (type === 'Integer' || type === 'Float') {
      const n = Number(t);
      if (t !== '' && Number.isFinite(n)) return n;
    } else {
      return text;
    }
    throw new RefiQdaError('invalid_structure', `value "${t}" is not a valid ${type}`, {
      file: this.file,
      element: el.name,
      line: el.line,
      column: el.column,
    });
  }

  case(el: OpenElement): Frame {
    const k: Case = {
      guid: this.ownGuid(el),
      name: el.attrs.name,
      codeRefs: [],
      variableValues: [],
      sourceRefs: [],
      selectionRefs: [],
    };
    this.project.cases.push(k);
    return this.frame(el, {
      child: (c) => {
        switch (c.name) {
          case 'Description':
            return this.textFrame(c, (t) => {
              k.description = t;
            });
          case 'CodeRef':
            k.codeRefs.push(this.ref(c));
            return this.skip(c);
          case 'SourceRef':
          case 'MemberSource':
            k.sourceRefs.push(this.ref(c));
            return this.skip(c);
          case 'SelectionRef':
            k.selectionRefs.push(this.ref(c));
            return this.skip(c);
          case 'VariableValue':
            return this.variableValue(c, k.variableValues);
          default:
            return this.unknown(c, 'Case');
        }
      },
    });
  }

  set(el: OpenElement): Frame {
    const guid = this.ownGuid(el);
    const s: CodeSet = {
      guid,
      name: el.attrs.name ?? '',
      memberCodes: [],
      memberSources: [],
      memberNotes: [],
    };
    this.project.sets.push(s);
    return this.frame(el, {
      child: (c) => {
        switch (c.name) {
          case 'Description':
            return this.textFrame(c, (t) => {
              s.description = t;
            });
          case 'MemberCode':
            s.memberCodes.push(this.ref(c));
            return this.skip(c);
          case 'MemberSource':
            s.memberSources.push(this.ref(c));
            return this.skip(c);
          case 'MemberNote':
            s.memberNotes.push(this.ref(c));
            return this.skip(c);
          default:
            return this.unknown(c, 'Set');
        }
      },
    });
  }

  note(el: OpenElement): Frame {
    const note: Note = { guid: this.ownGuid(el), name: el.attrs.name, ...this.audit(el), text: null };
    this.project.notes.push(note);
    const path = el.attrs.plainTextPath;
    if (path !== undefined) this.notePaths.set(note, path);
    return this.frame(el, {
      child: (c) => {
        if (c.name === 'Description')
          return this.textFrame(c, (t) => {
            note.description = t;
          });
        if (c.name === 'PlainTextContent')
          return this.textFrame(c, (t) => {
            note.text = t;
          });
        // Notes are text sources in the schema and may carry selections; those are not modelled.
        return this.skip(c);
      },
    });
  }

  source(el: OpenElement): Frame {
    if (el.name === 'TextSource') return this.textSource(el);
    const kind = MEDIA_KINDS[el.name];
    if (!kind) return this.unknown(el, 'Sources');
    const media: MediaSource = {
      kind,
      guid: this.ownGuid(el),
      name: el.attrs.name,
      path: el.attrs.path,
      ...this.audit(el),
      skippedSelections: 0,
    };
    this.project.sources.push(media);
    this.warn({
      code: 'source_skipped',
      message: `${el.name} "${media.name ?? media.guid}" (line ${el.line}) is listed but not imported: only plain-text sources are`,
      guid: media.guid,
    });
    // Selections and texts nested in media sources are skipped wholesale; ATLAS.ti repeats selection GUIDs
    // between a PDFSelection and its text representation, so their GUIDs are deliberately not registered.
    return this.frame(el, {
      child: (c) => {
        if (c.name === 'Description')
          return this.textFrame(c, (t) => {
            media.description = t;
          });
        const counted = () => {
          media.skippedSelections++;
        };
        if (SELECTION_ELEMENTS.has(c.name)) counted();
        return this.skip(c, counted);
      },
    });
  }

  textSource(el: OpenElement): Frame {
    const a = el.attrs;
    const source: TextSource = {
      kind: 'text',
      guid: this.ownGuid(el),
      name: a.name,
      plainTextPath: a.plainTextPath,
      richTextPath: a.richTextPath,
      ...this.audit(el),
      textLocation: textLocationOf(a.plainTextPath),
      textAvailable: false,
      selections: [],
      codings: [],
      noteRefs: [],
      variableValues: [],
    };
    this.project.sources.push(source);
    return this.frame(el, {
      child: (c) => {
        switch (c.name) {
          case 'Description':
            return this.textFrame(c, (t) => {
              source.description = t;
            });
          case 'PlainTextContent':
            return this.textFrame(c, (t) => {
              this.inlineTexts.set(source.guid, t);
              if (source.plainTextPath === undefined) source.textLocation = 'inline';
            });
          case 'PlainTextSelection':
            return this.selection(c, source);
          case 'Coding':
            return this.coding(c, source.codings);
          case 'NoteRef':
            source.noteRefs.push(this.ref(c));
            return this.skip(c);
          case 'VariableValue':
            return this.variableValue(c, source.variableValues);
          default:
            return this.unknown(c, 'TextSource');
        }
      },
    });
  }

  selection(el: OpenElement, source: TextSource): Frame {
    const guid = this.ownGuid(el);
    const start = this.integer(el, 'startPosition');
    const end = this.integer(el, 'endPosition');
    if (start < 0 || end < start) {
      throw new RefiQdaError(
        'selection_out_of_range',
        `selection ${guid} of source ${source.guid} has startPosition=${start} endPosition=${end}; expected 0 <= start <= end`,
        { file: this.file, element: el.name, line: el.line, column: el.column },
      );
    }
    const selection: TextSelection = {
      guid,
      name: el.attrs.name,
      ...this.audit(el),
      start,
      end,
      text: null,
      written: { start, end },
      codings: [],
      noteRefs: [],
    };
    source.selections.push(selection);
    return this.frame(el, {
      child: (c) => {
        if (c.name === 'Description')
          return this.textFrame(c, (t) => {
            selection.description = t;
          });
        if (c.name === 'Coding') return this.coding(c, selection.codings);
        if (c.name === 'NoteRef') {
          selection.noteRefs.push(this.ref(c));
          return this.skip(c);
        }
        return this.unknown(c, 'PlainTextSelection');
      },
    });
  }

  coding(el: OpenElement, into: Coding[]): Frame {
    const coding: Coding = {
      guid: this.ownGuid(el),
      codeGuid: '',
      creatingUser: el.attrs.creatingUser === undefined ? undefined : normalizeGuid(el.attrs.creatingUser),
      creationDateTime: el.attrs.creationDateTime,
      noteRefs: [],
    };
    return this.frame(el, {
      child: (c) => {
        if (c.name === 'CodeRef') {
          coding.codeGuid = this.ref(c);
          return this.skip(c);
        }
        if (c.name === 'NoteRef') {
          coding.noteRefs.push(this.ref(c));
          return this.skip(c);
        }
        return this.unknown(c, 'Coding');
      },
      close: () => {
        if (coding.codeGuid === '') {
          throw new RefiQdaError(
            'invalid_structure',
            'has no <CodeRef>; expected one naming the code applied',
            {
              file: this.file,
              element: el.name,
              line: el.line,
              column: el.column,
            },
          );
        }
        into.push(coding);
      },
    });
  }
}

function attrsOf(tag: SaxesTagNS): Attrs {
  const out: Attrs = {};
  for (const attr of Object.values(tag.attributes)) {
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
  limits: Pick<ReadLimits, 'maxXmlDepth' | 'maxXmlBytes'>,
  rootElement: 'Project' | 'CodeBook' = 'Project',
): Promise<ParsedProject> {
  const builder = new QdeBuilder(file);
  const parser = new SaxesParser({ xmlns: true, position: true });
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
    let frame: Frame;
    if (!parent) {
      sawRoot = true;
      frame = rootElement === 'Project' ? builder.root(el) : builder.codebookRoot(el);
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
    const frame = stack.pop();
    frame?.close?.(frame.text ? frame.text.join('') : '');
  });

  for await (const chunk of chunks) {
    if (decoder.byteCount + chunk.length > limits.maxXmlBytes) {
      throw new RefiQdaError(
        'unsafe_xml',
        `the project XML is larger than ${limits.maxXmlBytes} bytes (limit maxXmlBytes)`,
        { file },
      );
    }
    parser.write(decoder.decode(chunk));
  }
  parser.write(decoder.end());
  parser.close();
  if (!sawRoot) {
    throw new RefiQdaError(
      'malformed_xml',
      'the file contains no XML element; expected a <Project> document',
      {
        file,
      },
    );
  }
  warnDanglingCodeRefs(builder);
  return { project: builder.project, inlineTexts: builder.inlineTexts, notePaths: builder.notePaths };
}

/** A coding that points at no code cannot be imported as-is; say so once per missing code instead of failing. */
function warnDanglingCodeRefs(builder: QdeBuilder): void {
  const project = builder.project;
  const codes = new Set<string>();
  const walk = (list: Code[]) => {
    for (const c of list) {
      codes.add(c.guid);
      walk(c.children);
    }
  };
  walk(project.codes);
  for (const source of project.sources) {
    if (source.kind !== 'text') continue;
    const codings = [...source.codings, ...source.selections.flatMap((s) => s.codings)];
    for (const coding of codings) {
      if (codes.has(coding.codeGuid)) continue;
      builder.warn(
        {
          code: 'dangling_reference',
          message: `coding ${coding.guid} in text source ${source.guid} refers to code ${coding.codeGuid}, which is not in the codebook`,
          guid: coding.guid,
        },
        `dangling:${coding.codeGuid}`,
      );
    }
  }
}
