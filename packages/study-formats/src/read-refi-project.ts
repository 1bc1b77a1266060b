/**
 * A REFI-QDA project (.qdpx / .qde) as study data: cases become participants with their variables,
 * text sources become documents with their full text, selections become coded segments with the
 * offsets the refi-qda reader resolved (UTF-16 code units, end exclusive, BOM removed).
 *
 * `streamRefiProject` hands the data over in parts, so an import of any size holds one source at a time:
 * first the header part (participants of the cases, all codes), then one part per text source (its document,
 * its segments, and its participant when the rule makes one per document).
 */
import {
  type Audit,
  type Code,
  type CoderFrom,
  coderOf,
  IMPORT_LIMITS,
  type ImportWarning,
  type LoadedTextSource,
  type Project,
  type ReadPhaseTimes,
  streamProject,
  type TextSelection,
  type TextSource,
} from '@peerbridge/refi-qda';
import type { MappingFile } from './mapping-file';
import { participantFromVariables } from './participant-variables';
import type { Progress } from './progress';
import {
  type AuditData,
  type CodeData,
  type DocumentData,
  emptyStudyData,
  type NoteRefData,
  type NoteTarget,
  type OffsetDecisionReport,
  type ParticipantData,
  type StudyData,
} from './study-data';
import { timeOrderedId } from './time-ordered-id';

/** Warnings of one kind past this many are counted, not listed (a million skipped selections stay one line). */
const WARNINGS_PER_KIND = 20;

/** Coded segments credited to one coder, under the import's coder rule. */
export interface CoderSegments {
  /** The user's GUID in the file, or null for segments that name no user. */
  user: string | null;
  name: string | null;
  segments: number;
}

/** What a streamed read reports once every part has been handed over. */
export interface RefiStreamSummary {
  format: 'qdpx' | 'qde';
  offsetDecisions: OffsetDecisionReport[];
  warnings: string[];
  /** Segments per coder, in the file's order of users, segments without a user last. */
  coders: CoderSegments[];
}

export interface RefiReadOptions {
  /** Whom a coded selection is credited to first: the coding's user (default) or the selection's. */
  coderFrom?: CoderFrom | undefined;
  times?: ReadPhaseTimes | undefined;
}

const auditOf = (o: Audit): AuditData => ({
  creatingUser: o.creatingUser ?? null,
  createdAt: o.creationDateTime ?? null,
  modifyingUser: o.modifyingUser ?? null,
  modifiedAt: o.modifiedDateTime ?? null,
});

function noteRefs(
  into: NoteRefData[],
  kind: NoteTarget,
  target: string | null,
  refs: readonly string[],
): void {
  for (const noteGuid of refs) into.push({ noteGuid, targetKind: kind, targetGuid: target });
}

/**
 * Whether a selection holds more than its segments say: a name, a description, notes, no codings (a selection
 * kept only for its note), or a user or date the export would not give it back from its first coding (an
 * export credits a selection without its own user to its first coding's). Only those get a `study_selection`
 * row, so a million NVivo selections whose user is their coding's add no rows.
 */
function selectionHasMore(selection: TextSelection, codeGuids: ReadonlySet<string>): boolean {
  const first = selection.codings.find((c) => codeGuids.has(c.codeGuid));
  return (
    first === undefined ||
    selection.name !== undefined ||
    selection.description !== undefined ||
    selection.modifyingUser !== undefined ||
    selection.modifiedDateTime !== undefined ||
    selection.noteRefs.length > 0 ||
    (selection.creatingUser !== undefined && selection.creatingUser !== first.creatingUser) ||
    selection.creationDateTime !== first.creationDateTime
  );
}

/** What the study does not keep, by kind, beyond what the reader counts; sources are counted as they stream. */
class NotKept {
  readonly counts: Record<string, number> = {};

  add(kind: string, n: number): void {
    if (n > 0) this.counts[kind] = (this.counts[kind] ?? 0) + n;
  }

  source(source: TextSource): void {
    this.add('source description', source.description === undefined ? 0 : 1);
    this.add('whole-source coding', source.codings.length);
    this.add('source variable value', source.variableValues.length);
  }
}

/** What the study does not keep of the project's cases and variables. */
function notKeptByStudy(project: Project, notKept: NotKept): Record<string, number> {
  const counts = notKept.counts;
  const add = (kind: string, n: number) => notKept.add(kind, n);
  for (const c of project.cases) {
    add('case description', c.description === undefined ? 0 : 1);
    add('case code reference', c.codeRefs.length);
    add('case selection reference', c.selectionRefs.length);
  }
  for (const v of project.variables) add('variable description', v.description === undefined ? 0 : 1);
  return counts;
}

/** `PDFSource selection` -> `PDF source selection`, `Note/PlainTextSelection` -> `selection in a note`. */
function notKeptLabel(kind: string): string {
  if (kind.startsWith('Note/')) return `<${kind.slice('Note/'.length)}> in a note`;
  return kind
    .replace(
      /^(PDF|Picture|Audio|Video)Source/,
      (_m, media: string) => `${media === 'PDF' ? media : media.toLowerCase()} source`,
    )
    .replace(/^(Link|Graph)$/, (m) => m.toLowerCase());
}

/** The ONE summary of everything not kept: the reader's counts (media, links, graphs ...) and the study's own. */
function notKeptSummary(
  readerSummary: ImportWarning | undefined,
  project: Project,
  notKept: NotKept,
): string | null {
  const counts: Record<string, number> = { ...(readerSummary?.counts ?? {}) };
  for (const [kind, n] of Object.entries(notKeptByStudy(project, notKept))) counts[kind] = n;
  const parts = Object.entries(counts).map(([kind, n]) => `${n} × ${notKeptLabel(kind)}`);
  if (parts.length === 0) return null;
  return `not kept in the study (it keeps text sources with their selections and codings, codes with colours and descriptions, cases, variables, users, notes and sets): ${parts.join(', ')}`;
}

function flattenCodes(codes: ReadonlyArray<Code>, parentGuid: string | null, out: CodeData[]): void {
  for (const [position, code] of codes.entries()) {
    out.push({
      guid: code.guid,
      name: code.name,
      parentGuid,
      isCodable: code.isCodable,
      indicator: null,
      mappedBy: null,
      color: code.color ?? null,
      description: code.description ?? null,
      position,
    });
    flattenCodes(code.children, code.guid, out);
  }
}

/** Warnings, with repeated kinds capped at `WARNINGS_PER_KIND` and a count of the rest. */
class WarningList {
  readonly list: string[] = [];
  private readonly perKind = new Map<string, number>();

  add(message: string, kind?: string): void {
    if (kind === undefined) {
      this.list.push(message);
      return;
    }
    const n = (this.perKind.get(kind) ?? 0) + 1;
    this.perKind.set(kind, n);
    if (n <= WARNINGS_PER_KIND) this.list.push(message);
  }

  finish(): string[] {
    for (const [kind, n] of this.perKind)
      if (n > WARNINGS_PER_KIND) this.list.push(`... and ${n - WARNINGS_PER_KIND} more: ${kind}`);
    return this.list;
  }
}

/** Who the documents and selections belong to, decided from the header (cases) and then source by source. */
class ParticipantRules {
  private readonly variableNames: Map<string, string>;
  private readonly documentParticipant = new Map<string, string>();
  private readonly selectionParticipant = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private readonly known = new Set<string>();

  constructor(
    private readonly project: Project,
    private readonly mapping: MappingFile,
    private readonly warnings: WarningList,
  ) {
    this.variableNames = new Map(project.variables.map((v) => [v.guid, v.name]));
  }

  private variablesOf(values: TextSource['variableValues']) {
    return values.map((v) => ({
      name: this.variableNames.get(v.variableGuid) ?? v.variableGuid,
      value: v.value,
    }));
  }

  private make(ref: string, name: string, values: TextSource['variableValues']): ParticipantData {
    this.known.add(ref);
    const warn = (m: string) => this.warnings.add(m);
    return participantFromVariables(
      ref,
      name,
      this.variablesOf(values),
      this.mapping.participants.variables,
      warn,
    );
  }

  /** Participants of the cases (rule `case`). */
  header(): ParticipantData[] {
    const out: ParticipantData[] = [];
    if (this.mapping.participants.rule !== 'case') return out;
    const names = new Map<string, string>();
    for (const c of this.project.cases) {
      const name = c.name ?? c.guid;
      out.push(this.make(c.guid, name, c.variableValues));
      names.set(c.guid, name);
      this.byName.set(name, c.guid);
      for (const source of c.sourceRefs) {
        const previous = this.documentParticipant.get(source);
        if (previous !== undefined && previous !== c.guid) {
          this.warnings.add(
            `document ${source} belongs to several cases; its segments go to the first one ("${names.get(previous)}")`,
          );
        } else this.documentParticipant.set(source, c.guid);
      }
      for (const selection of c.selectionRefs) this.selectionParticipant.set(selection, c.guid);
    }
    return out;
  }

  /** The participant of a source's document, and the participants this source brings in. */
  source(source: TextSource): { ref: string | null; added: ParticipantData[] } {
    const added: ParticipantData[] = [];
    let ref = this.documentParticipant.get(source.guid) ?? null;
    if (this.mapping.participants.rule === 'document') {
      ref = `document:${source.guid}`;
      if (!this.known.has(ref)) added.push(this.make(ref, source.name ?? source.guid, source.variableValues));
    }
    // Explicit document -> participant entries win over the rule.
    const named =
      this.mapping.participants.documents[source.guid] ??
      (source.name ? this.mapping.participants.documents[source.name] : undefined);
    if (named !== undefined) {
      let byName = this.byName.get(named);
      if (byName === undefined) {
        byName = `name:${named}`;
        this.byName.set(named, byName);
      }
      if (!this.known.has(byName)) {
        this.known.add(byName);
        added.push({ ref: byName, name: named, setting: null, attributes: {} });
      }
      ref = byName;
    }
    return { ref, added };
  }

  selection(guid: string): string | null {
    return this.selectionParticipant.get(guid) ?? null;
  }
}

/** Interview date of a document: the mapping's documentDates (by name or GUID), else null. */
function documentDate(source: TextSource, mapping: MappingFile): string | null {
  return (
    mapping.documentDates[source.guid] ??
    (source.name ? mapping.documentDates[source.name] : undefined) ??
    null
  );
}

function offsetDecision(name: string, loaded: LoadedTextSource): OffsetDecisionReport {
  const c = loaded.decision.convention;
  return {
    document: name,
    convention: c
      ? `${c.unit === 'utf16' ? 'UTF-16 code units' : 'code points'}, CRLF=${c.crlf}, BOM ${c.bomCounted ? 'counted' : 'not counted'}`
      : null,
    reason: loaded.decision.reason,
    ambiguous: loaded.decision.ambiguous,
  };
}

/**
 * Stream a REFI-QDA file as study data parts (codes not yet mapped; no observations): `onPart` gets the header
 * part, then one part per text source, each awaited before the file is read further.
 */
export async function streamRefiProject(
  file: string,
  mapping: MappingFile,
  progress: Progress,
  onPart: (part: StudyData) => Promise<void>,
  options: RefiReadOptions = {},
): Promise<RefiStreamSummary> {
  const { times } = options;
  const coderRule = { coderFrom: options.coderFrom };
  const perCoder = new Map<string | null, number>();
  const notKept = new NotKept();
  const warnings = new WarningList();
  const offsetDecisions: OffsetDecisionReport[] = [];
  let format: 'qdpx' | 'qde' = 'qdpx';
  let codeGuids = new Set<string>();
  let users = new Map<string, string>();
  let participants: ParticipantRules | null = null;
  let textSources = 0;
  let progressStarted = false;

  const streamed = await streamProject(
    file,
    {
      progress(done, total) {
        if (!progressStarted) {
          progressStarted = true;
          progress.start('importing project XML (bytes)', total);
        }
        progress.update(done);
      },
      async header(project, kind) {
        format = kind;
        const part = emptyStudyData(format);
        flattenCodes(project.codes, null, part.codes);
        codeGuids = new Set(part.codes.map((c) => c.guid));
        users = new Map(project.users.map((u) => [u.guid, u.name ?? u.id ?? u.guid]));
        participants = new ParticipantRules(project, mapping, warnings);
        part.participants = participants.header();
        for (const u of project.users)
          part.refi.users.push({ guid: u.guid, name: u.name ?? null, shortId: u.id ?? null });
        const codeNotes = (list: ReadonlyArray<Code>) => {
          for (const c of list) {
            noteRefs(part.refi.noteRefs, 'code', c.guid, c.noteRefs);
            codeNotes(c.children);
          }
        };
        codeNotes(project.codes);
        await onPart(part);
      },
      async textSource(loaded) {
        const rules = participants as unknown as ParticipantRules;
        const source = loaded.source;
        textSources++;
        const part = emptyStudyData(format);
        const owner = rules.source(source);
        part.participants = owner.added;
        const document: DocumentData = {
          guid: source.guid,
          name: source.name ?? source.guid,
          text: loaded.content ?? '',
          participantRef: owner.ref,
          date: documentDate(source, mapping),
          position: textSources - 1,
        };
        part.documents.push(document);
        offsetDecisions.push(offsetDecision(document.name, loaded));
        noteRefs(part.refi.noteRefs, 'source', source.guid, source.noteRefs);
        notKept.source(source);
        for (const selection of source.selections) {
          if (selection.end > selection.start && selectionHasMore(selection, codeGuids)) {
            part.refi.selections.push({
              guid: selection.guid,
              documentGuid: source.guid,
              start: selection.start,
              end: selection.end,
              name: selection.name ?? null,
              description: selection.description ?? null,
              ...auditOf(selection),
            });
            noteRefs(part.refi.noteRefs, 'selection', selection.guid, selection.noteRefs);
          }
          if (selection.end <= selection.start) {
            warnings.add(
              `selection ${selection.guid} in "${document.name}" is empty (start ${selection.start} = end); skipped`,
              'empty selections skipped',
            );
            continue;
          }
          for (const coding of selection.codings) {
            if (!codeGuids.has(coding.codeGuid)) {
              warnings.add(
                `selection ${selection.guid} in "${document.name}" refers to code ${coding.codeGuid}, which the project does not define; skipped`,
                'selections with an undefined code skipped',
              );
              continue;
            }
            const coderGuid = coderOf(selection, coding, coderRule) ?? null;
            perCoder.set(coderGuid, (perCoder.get(coderGuid) ?? 0) + 1);
            noteRefs(part.refi.noteRefs, 'coding', coding.guid, coding.noteRefs);
            part.segments.push({
              // Time-ordered (UUID v7, monotonic in the process): a million new keys append to the primary key
              // index instead of landing all over it, which keeps the import's inserts fast (issue 10).
              id: timeOrderedId(),
              selectionGuid: selection.guid,
              documentGuid: source.guid,
              codeGuid: coding.codeGuid,
              start: selection.start,
              end: selection.end,
              coder: coderGuid === null ? null : (users.get(coderGuid) ?? coderGuid),
              createdAt: coding.creationDateTime ?? selection.creationDateTime ?? null,
              codingGuid: coding.guid,
              codingUser: coding.creatingUser ?? null,
              // A case can claim single selections (a focus group: several speakers in one document).
              participantRef: rules.selection(selection.guid),
            });
          }
        }
        await onPart(part);
      },
    },
    { limits: IMPORT_LIMITS, ...(times === undefined ? {} : { times }) },
  );
  format = streamed.format;
  if (progressStarted) progress.finish();
  const project = streamed.project;
  if (mapping.participants.rule === 'case' && project.cases.length === 0 && textSources > 0) {
    warnings.add(
      'the project has no cases, so no participants; add `participants: { rule: document }` to a mapping file for one participant per document',
    );
  }
  // The notes, the sets and the project's own metadata and notes come after the sources in the file.
  const trailer = emptyStudyData(format);
  trailer.refi.project = {
    name: project.name,
    origin: project.origin ?? null,
    description: project.description ?? null,
    basePath: project.basePath ?? null,
    ...auditOf(project),
  };
  for (const note of project.notes) {
    trailer.refi.notes.push({
      guid: note.guid,
      name: note.name ?? null,
      description: note.description ?? null,
      text: note.text,
      ...auditOf(note),
    });
  }
  noteRefs(trailer.refi.noteRefs, 'project', null, project.noteRefs);
  for (const set of project.sets) {
    const members: { kind: 'code' | 'source' | 'note'; guid: string }[] = [];
    for (const guid of set.memberCodes) members.push({ kind: 'code', guid });
    for (const guid of set.memberSources) members.push({ kind: 'source', guid });
    for (const guid of set.memberNotes) members.push({ kind: 'note', guid });
    trailer.refi.sets.push({ guid: set.guid, name: set.name, description: set.description ?? null, members });
  }
  await onPart(trailer);
  const summary = notKeptSummary(
    project.warnings.find((w) => w.code === 'not_imported'),
    project,
    notKept,
  );
  if (summary !== null) warnings.add(summary);
  for (const warning of project.warnings) if (warning.code !== 'not_imported') warnings.add(warning.message);
  const coders: CoderSegments[] = [];
  for (const u of project.users) {
    const n = perCoder.get(u.guid);
    if (n === undefined) continue;
    coders.push({ user: u.guid, name: u.name ?? u.id ?? null, segments: n });
    perCoder.delete(u.guid);
  }
  for (const [user, n] of perCoder) if (user !== null) coders.push({ user, name: null, segments: n });
  const nobody = perCoder.get(null);
  if (nobody !== undefined) coders.push({ user: null, name: null, segments: nobody });
  return { format, offsetDecisions, warnings: warnings.finish(), coders };
}

/** Read a whole REFI-QDA file into study data at once (small files; imports stream instead). */
export async function readRefiProject(
  file: string,
  mapping: MappingFile,
  progress: Progress,
  options: RefiReadOptions = {},
): Promise<StudyData> {
  const data = emptyStudyData('qdpx');
  const summary = await streamRefiProject(
    file,
    mapping,
    progress,
    async (part) => {
      for (const p of part.participants) data.participants.push(p);
      for (const c of part.codes) data.codes.push(c);
      for (const d of part.documents) data.documents.push(d);
      for (const s of part.segments) data.segments.push(s);
      const refi = data.refi;
      refi.project ??= part.refi.project;
      for (const u of part.refi.users) refi.users.push(u);
      for (const x of part.refi.selections) refi.selections.push(x);
      for (const n of part.refi.notes) refi.notes.push(n);
      for (const r of part.refi.noteRefs) refi.noteRefs.push(r);
      for (const x of part.refi.sets) refi.sets.push(x);
    },
    options,
  );
  data.format = summary.format;
  data.offsetDecisions = summary.offsetDecisions;
  data.warnings = summary.warnings;
  return data;
}
