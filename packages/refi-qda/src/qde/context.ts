/** Shared state and helpers of the project.qde SAX pass: the model being built, GUID registry, frames, warnings. */

import { RefiQdaError } from '../errors';
import type { Audit, ImportWarning, Note, Project, TextSource } from '../model';
import { CompactGuidSet } from './guid-set';

export type Attrs = Record<string, string>;

/** One open element on the parse stack and what to do with its children, text and end. */
export interface Frame {
  element: string;
  line: number;
  column: number;
  /** Returns the frame for a child element; absent means children are unexpected and get skipped. */
  child?: (el: OpenElement) => Frame;
  /** Set when the frame collects its text content. */
  text?: string[];
  close?: (text: string) => void;
}

export interface OpenElement {
  name: string;
  /** Namespace URI of the element ('' when none). */
  uri: string;
  attrs: Attrs;
  line: number;
  column: number;
}

export const SELECTION_ELEMENTS = new Set([
  'PlainTextSelection',
  'PDFSelection',
  'PictureSelection',
  'AudioSelection',
  'VideoSelection',
  'TranscriptSelection',
]);

/** Elements that come by the million: their GUIDs go into the compact set, not the Map with locations. */
const BULK_ELEMENTS = new Set(['PlainTextSelection', 'Coding']);

/** GUIDs are compared case-insensitively and with or without braces, so the model keeps one spelling. */
export function normalizeGuid(guid: string): string {
  const trimmed = guid.trim();
  const bare = trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1) : trimmed;
  return bare.toLowerCase();
}

/** The model under construction and the helpers every element family uses. */
export class QdeContext {
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
  private readonly bulkGuids = new CompactGuidSet();
  /**
   * Streaming: called when a `<TextSource>` closes, instead of keeping it in `project.sources`. The element
   * families before `<Sources>` (users, codebook, variables, cases) must be complete by then.
   */
  onTextSource: ((source: TextSource) => void) | undefined;
  /** Text sources handed to `onTextSource` so far. */
  streamedSources = 0;
  private readonly warned = new Set<string>();
  /** What the model leaves out, by element kind; reported once, in the `not_imported` summary. */
  readonly notKept = new Map<string, number>();

  constructor(readonly file: string) {}

  countNotKept(kind: string, n = 1): void {
    this.notKept.set(kind, (this.notKept.get(kind) ?? 0) + n);
  }

  /** A subtree the model does not keep, counted by `kind` (and its selections / listed children by their names). */
  notKeptFrame(el: OpenElement, counted: ReadonlySet<string> = SELECTION_ELEMENTS): Frame {
    const child = (c: OpenElement): Frame => {
      if (counted.has(c.name)) this.countNotKept(c.name);
      return this.frame(c, { child });
    };
    return this.frame(el, { child });
  }

  warn(warning: ImportWarning, dedupeKey?: string): void {
    if (dedupeKey !== undefined) {
      if (this.warned.has(dedupeKey)) return;
      this.warned.add(dedupeKey);
    }
    this.project.warnings.push(warning);
  }

  where(el: OpenElement): string {
    return `<${el.name}> at line ${el.line}:${el.column}`;
  }

  location(el: OpenElement) {
    return { file: this.file, element: el.name, line: el.line, column: el.column };
  }

  required(el: OpenElement, attr: string, expected: string): string {
    const value = el.attrs[attr];
    if (value === undefined || value.trim() === '') {
      throw new RefiQdaError(
        'missing_attribute',
        `missing required attribute "${attr}"; expected ${expected}`,
        this.location(el),
      );
    }
    return value;
  }

  /** Reads and registers the element's own GUID; a second object with the same GUID is an error. */
  ownGuid(el: OpenElement, attr = 'guid'): string {
    const guid = normalizeGuid(this.required(el, attr, 'a GUID like 0f8a1907-7e42-4739-8610-a676b4d1b69f'));
    if (BULK_ELEMENTS.has(el.name)) {
      const named = this.guids.get(guid);
      if (named !== undefined || !this.bulkGuids.add(guid)) {
        throw new RefiQdaError(
          'duplicate_guid',
          `GUID ${guid} is used twice: first by ${named ?? 'a selection or coding earlier in the file'}, again by ${this.where(el)}; every object needs its own GUID`,
          this.location(el),
        );
      }
      return guid;
    }
    const first =
      this.guids.get(guid) ??
      (this.bulkGuids.has(guid) ? 'a selection or coding earlier in the file' : undefined);
    if (first !== undefined) {
      throw new RefiQdaError(
        'duplicate_guid',
        `GUID ${guid} is used twice: first by ${first}, again by ${this.where(el)}; every object needs its own GUID`,
        this.location(el),
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
        this.location(el),
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
        this.location(el),
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

  /** A child element holding only a GUID reference (`<NoteRef targetGUID>` and the like), pushed into `into`. */
  refInto(el: OpenElement, into: string[]): Frame {
    into.push(this.ref(el));
    return this.skip(el);
  }
}
