/** Reads a .qdpx or bare .qde: parses the XML once, then loads text sources one at a time to resolve selections. */

import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve as resolvePath } from 'node:path';
import { RefiQdaError } from './errors';
import { type ReadLimits, resolveLimits } from './limits';
import type { OffsetDecision, Project, TextSource } from './model';
import { describeConvention, resolveOffsets } from './offsets';
import type { ReadPhaseTimes } from './phase-times';
import { QdeContext } from './qde/context';
import { type ParsedProject, parseQde } from './qde-parser';
import { decodeUtf8Strict } from './utf8';
import { SafeZip } from './zip-archive';

export interface ReadOptions {
  /** Override any of the safety limits (see `DEFAULT_LIMITS`). */
  limits?: Partial<ReadLimits>;
  /**
   * Read `relative://` and `absolute://` plain-text sources from the local disk. Off by default: an untrusted
   * project file could otherwise pull any file on the machine into the import.
   */
  readExternalSources?: boolean;
  /** Keep each text source's whole text in `TextSource.content` (needed to write the project out again). */
  includeSourceText?: boolean;
  /** Adds where the read spends its time (see `ReadPhaseTimes`). */
  times?: ReadPhaseTimes;
}

/** One text source with its selections resolved (positions converted, `text` filled) and the offset decision. */
export interface LoadedTextSource {
  source: TextSource;
  /** The whole plain text without BOM, or null when it could not be read. */
  content: string | null;
  decision: OffsetDecision;
}

export interface ProjectReader {
  readonly file: string;
  readonly format: 'qdpx' | 'qde';
  /**
   * Everything parsed from the XML. Text sources start with unresolved selections (`text: null`, positions as
   * written); `textSources()` resolves them in place and appends to `warnings` and `offsetDecisions`.
   */
  readonly project: Project;
  /** Loads and yields text sources one by one, so only one source text is in memory at a time. */
  textSources(): AsyncGenerator<LoadedTextSource>;
  close(): void;
}

async function isZipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
  } finally {
    await handle.close();
  }
}

/** The project XML inside a .qdpx: `project.qde`, or the one `*.qde` at the root. */
function findProjectEntry(zip: SafeZip, file: string): string {
  const names = zip.entries().map((e) => e.name);
  const rootQde = names.filter((n) => !n.includes('/') && n.toLowerCase().endsWith('.qde'));
  const preferred = rootQde.find((n) => n.toLowerCase() === 'project.qde');
  if (preferred) return preferred;
  if (rootQde.length === 1) return rootQde[0]!;
  if (rootQde.length > 1) {
    throw new RefiQdaError(
      'missing_project',
      `the archive holds several .qde files at its root (${rootQde.join(', ')}); expected exactly one, or one named project.qde`,
      { file },
    );
  }
  const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? ', ...' : '');
  throw new RefiQdaError(
    'missing_project',
    `no project.qde (or other .qde) at the root of the archive; found ${names.length ? shown : 'no entries'}`,
    { file },
  );
}

/** `internal://x.txt` -> `x.txt`, refusing anything that tries to leave the sources folder. */
function internalName(path: string, file: string): string {
  const name = path.replace(/^internal:\/\//i, '').replace(/^\/+/, '');
  const segments = name.split(/[\\/]/);
  if (name === '' || segments.includes('..') || /^[a-zA-Z]:/.test(name)) {
    throw new RefiQdaError(
      'unsafe_path',
      `source path "${path}" points outside the sources folder; expected internal://<name>`,
      { file },
    );
  }
  return segments.join('/');
}

/** `relative://` against basePath (or the project's folder), `absolute://` as is; `absolute:///C:/x` -> `C:/x`. */
function externalPath(path: string, project: Project, file: string): string {
  const m = /^(relative|absolute):\/\/(.*)$/i.exec(path);
  const rest = m?.[2] ?? path;
  if (m?.[1]?.toLowerCase() === 'absolute') return /^\/[a-zA-Z]:/.test(rest) ? rest.slice(1) : rest;
  const base = project.basePath && project.basePath !== '' ? project.basePath : dirname(file);
  return resolvePath(base, rest.replace(/^\/+/, ''));
}

class Reader implements ProjectReader {
  readonly project: Project;
  private readonly parsed: ParsedProject;
  private consumed = false;

  constructor(
    readonly file: string,
    readonly format: 'qdpx' | 'qde',
    parsed: ParsedProject,
    private readonly zip: SafeZip | null,
    private readonly limits: ReadLimits,
    private readonly options: ReadOptions,
  ) {
    this.parsed = parsed;
    this.project = parsed.project;
  }

  private label(entry: string): string {
    return `${this.file}!${entry}`;
  }

  /** The zip entry an internal path refers to: `sources/<name>` in any letter case, else `<name>` at the root. */
  private internalEntry(path: string): string | null {
    if (!this.zip) return null;
    const name = internalName(path, this.file);
    const names = [name];
    // Some tools percent-encode the path as in a URL; the decoded form must pass the same checks.
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      decoded = undefined;
    }
    if (decoded !== undefined && decoded !== name) names.push(internalName(decoded, this.file));
    for (const n of names) {
      const entry = this.zip.find(`sources/${n}`) ?? this.zip.find(n);
      if (entry) return entry.name;
    }
    return null;
  }

  /** Raw bytes of a referenced text file, or a reason why there are none. */
  async loadBytes(path: string): Promise<{ bytes: Buffer; label: string } | { missing: string }> {
    const location = /^(relative|absolute):\/\//i.test(path) ? 'external' : 'internal';
    const max = this.limits.maxSourceTextBytes;
    if (location === 'internal') {
      if (!this.zip) return { missing: `"${path}" is inside a .qdpx but a bare .qde was given` };
      const entry = this.internalEntry(path);
      if (!entry) return { missing: `"${path}" is not in the archive's sources folder` };
      return { bytes: await this.zip.readAll(entry, max), label: this.label(entry) };
    }
    if (!this.options.readExternalSources) {
      return { missing: `"${path}" is an external file and readExternalSources is off` };
    }
    const target = externalPath(path, this.project, this.file);
    let size: number;
    try {
      const info = await stat(target);
      if (!info.isFile()) return { missing: `"${path}" (${target}) is not a regular file` };
      size = info.size;
    } catch {
      return { missing: `"${path}" (${target}) was not found` };
    }
    if (size > max) {
      throw new RefiQdaError(
        'unsafe_path',
        `external source is ${size} bytes; at most ${max} are loaded (limit maxSourceTextBytes)`,
        { file: target },
      );
    }
    return { bytes: await readFile(target), label: target };
  }

  async loadNotes(): Promise<void> {
    for (const [note, path] of this.parsed.notePaths) {
      if (note.text !== null) continue;
      const loaded = await this.loadBytes(path);
      if ('missing' in loaded) {
        this.project.warnings.push({
          code: 'note_text_missing',
          message: `text of note "${note.name ?? note.guid}" not read: ${loaded.missing}`,
          guid: note.guid,
        });
      } else {
        note.text = decodeUtf8Strict(loaded.bytes, loaded.label).text;
      }
    }
  }

  async *textSources(): AsyncGenerator<LoadedTextSource> {
    if (this.consumed)
      throw new RefiQdaError('invalid_input', 'textSources() can only be iterated once per reader');
    this.consumed = true;
    for (const source of this.project.sources) {
      if (source.kind !== 'text') continue;
      yield await this.loadTextSource(source);
    }
  }

  async loadTextSource(
    source: TextSource,
    inline = this.parsed.inlineTexts.get(source.guid),
  ): Promise<LoadedTextSource> {
    let content: string | null = null;
    let hadBom = false;
    let label = this.file;
    let missing: string | undefined;
    // The file named by plainTextPath wins; inline PlainTextContent is the fallback (the schema wants one or the other).
    const times = this.options.times;
    if (source.plainTextPath !== undefined) {
      const inflating = performance.now();
      const loaded = await this.loadBytes(source.plainTextPath);
      if (times) times.unzip += performance.now() - inflating;
      if ('missing' in loaded) {
        missing = loaded.missing;
      } else {
        const decoded = decodeUtf8Strict(loaded.bytes, loaded.label);
        content = decoded.text;
        hadBom = decoded.hadBom;
        label = loaded.label;
      }
    }
    if (content === null && inline !== undefined) {
      hadBom = inline.startsWith('\uFEFF');
      content = hadBom ? inline.slice(1) : inline;
    }
    if (content === null && missing === undefined)
      missing = 'it has neither plainTextPath nor PlainTextContent';
    this.parsed.inlineTexts.delete(source.guid);

    const deciding = performance.now();
    let decision: OffsetDecision;
    if (content === null) {
      const reason = `text not available: ${missing}`;
      this.project.warnings.push({
        code:
          source.textLocation === 'relative' || source.textLocation === 'absolute'
            ? 'external_source_not_read'
            : 'source_text_missing',
        message: `text source "${source.name ?? source.guid}": ${reason}; its ${source.selections.length} selection(s) keep their written positions and have no text`,
        guid: source.guid,
      });
      decision = { sourceGuid: source.guid, convention: null, reason, ambiguous: false };
    } else {
      const text = content;
      const resolved = resolveOffsets(
        text,
        hadBom,
        source.selections.map((s) => ({ guid: s.guid, start: s.written.start, end: s.written.end })),
        { file: label, sourceGuid: source.guid, sourceName: source.name },
      );
      source.selections.forEach((selection, i) => {
        const span = resolved.spans[i]!;
        selection.start = span.start;
        selection.end = span.end;
        selection.text = text.slice(span.start, span.end);
      });
      source.textAvailable = true;
      if (this.options.includeSourceText) source.content = text;
      decision = {
        sourceGuid: source.guid,
        convention: resolved.convention,
        reason: resolved.reason,
        ambiguous: resolved.ambiguous,
      };
      if (resolved.ambiguous) {
        this.project.warnings.push({
          code: 'offsets_ambiguous',
          message: `text source "${source.name ?? source.guid}": several ways of counting positions fit equally well; used ${describeConvention(resolved.convention)}`,
          guid: source.guid,
        });
      }
    }
    this.project.offsetDecisions.push(decision);
    if (times) times.offsets += performance.now() - deciding;
    return { source, content, decision };
  }

  close(): void {
    this.zip?.close();
  }
}

/**
 * Opens a .qdpx (zip) or bare .qde (XML) file, detected by content, and parses its XML in one streaming pass.
 * Call `textSources()` to load source texts one at a time, and `close()` when done.
 */
export async function openProject(path: string, options: ReadOptions = {}): Promise<ProjectReader> {
  const limits = resolveLimits(options.limits);
  let zipped: boolean;
  try {
    zipped = await isZipFile(path);
  } catch (cause) {
    throw new RefiQdaError(
      'file_not_found',
      `cannot open the file (${(cause as Error).message})`,
      { file: path },
      { cause },
    );
  }
  if (!zipped && path.toLowerCase().endsWith('.qdpx')) {
    throw new RefiQdaError(
      'invalid_zip',
      'a .qdpx must be a zip archive but this file does not start with a zip header',
      {
        file: path,
      },
    );
  }
  if (!zipped) {
    const parsed = await parseQde(createReadStream(path), basename(path), limits);
    const reader = new Reader(path, 'qde', parsed, null, limits, options);
    await reader.loadNotes();
    return reader;
  }
  const zip = await SafeZip.open(path, limits);
  try {
    const entry = findProjectEntry(zip, path);
    const parsed = await parseQde(
      zip.stream(entry, Math.min(limits.maxXmlBytes, limits.maxEntryBytes)),
      `${basename(path)}!${entry}`,
      limits,
    );
    const reader = new Reader(path, 'qdpx', parsed, zip, limits, options);
    await reader.loadNotes();
    return reader;
  } catch (err) {
    zip.close();
    throw err;
  }
}

/**
 * Reads a whole project: every text source is loaded in turn, its selections resolved, and only the selection
 * texts are kept (unless `includeSourceText`).
 */
export async function readProject(path: string, options: ReadOptions = {}): Promise<Project> {
  const reader = await openProject(path, options);
  try {
    for await (const _ of reader.textSources()) {
      // Resolution happens in place on reader.project.
    }
    return reader.project;
  } finally {
    reader.close();
  }
}

/** What a streaming read calls, in file order. */
export interface ProjectStreamHandlers {
  /**
   * Once, before the first text source (or at the end when there is none): users, codes, variables and cases
   * are complete in `project`.
   */
  header?(project: Project, format: 'qdpx' | 'qde'): Promise<void> | void;
  /** Each text source with its selections resolved; it is dropped when the returned promise resolves. */
  textSource(loaded: LoadedTextSource): Promise<void>;
  /** Bytes of project XML read so far, of `total`. */
  progress?(done: number, total: number): void;
}

export interface StreamedProject {
  format: 'qdpx' | 'qde';
  /** The model without its text sources (media sources, notes, sets and all warnings stay). */
  project: Project;
}

/** Refuses, before anything is parsed, a plain-text entry bigger than one source may be. */
function checkSourceEntrySizes(zip: SafeZip, limits: ReadLimits, file: string): void {
  for (const entry of zip.entries()) {
    const name = entry.name.toLowerCase();
    if (!name.endsWith('.txt') || entry.uncompressedSize <= limits.maxSourceTextBytes) continue;
    throw new RefiQdaError(
      'unsafe_zip',
      `entry "${entry.name}" is ${entry.uncompressedSize} bytes; a text source may hold at most ${limits.maxSourceTextBytes} bytes (limit maxSourceTextBytes)`,
      { file: `${file}!${entry.name}` },
    );
  }
}

/**
 * Reads a project in one pass with bounded memory: the XML streams through the parser, and each text source is
 * loaded, resolved and handed to `handlers.textSource` when its element closes, then let go. Only the codebook,
 * users, variables, cases and a compact set of seen GUIDs grow with the project. The elements before
 * `<Sources>` must come first, as the schema orders them.
 */
export async function streamProject(
  path: string,
  handlers: ProjectStreamHandlers,
  options: ReadOptions = {},
): Promise<StreamedProject> {
  const limits = resolveLimits(options.limits);
  let zipped: boolean;
  try {
    zipped = await isZipFile(path);
  } catch (cause) {
    throw new RefiQdaError(
      'file_not_found',
      `cannot open the file (${(cause as Error).message})`,
      { file: path },
      { cause },
    );
  }
  if (!zipped && path.toLowerCase().endsWith('.qdpx')) {
    throw new RefiQdaError(
      'invalid_zip',
      'a .qdpx must be a zip archive but this file does not start with a zip header',
      {
        file: path,
      },
    );
  }
  const zip = zipped ? await SafeZip.open(path, limits) : null;
  try {
    let chunks: AsyncIterable<Uint8Array>;
    let label: string;
    let total: number;
    if (zip) {
      checkSourceEntrySizes(zip, limits, path);
      const entry = findProjectEntry(zip, path);
      chunks = zip.stream(entry, Math.min(limits.maxXmlBytes, limits.maxEntryBytes));
      label = `${basename(path)}!${entry}`;
      total = zip.find(entry)?.uncompressedSize ?? 0;
    } else {
      chunks = createReadStream(path);
      label = basename(path);
      total = (await stat(path)).size;
    }
    const builder = new QdeContext(label);
    const parsed: ParsedProject = {
      project: builder.project,
      inlineTexts: builder.inlineTexts,
      notePaths: builder.notePaths,
    };
    const reader = new Reader(path, zip ? 'qdpx' : 'qde', parsed, zip, limits, options);
    let headerDone = false;
    const header = async () => {
      if (headerDone) return;
      headerDone = true;
      await handlers.header?.(builder.project, zip ? 'qdpx' : 'qde');
    };
    await parseQde(chunks, label, limits, 'Project', {
      builder,
      onBytes: (done) => handlers.progress?.(done, total),
      ...(options.times === undefined ? {} : { times: options.times }),
      onTextSource: async (source, inline) => {
        await header();
        await handlers.textSource(await reader.loadTextSource(source, inline));
      },
    });
    await header();
    return { format: zip ? 'qdpx' : 'qde', project: builder.project };
  } finally {
    zip?.close();
  }
}
