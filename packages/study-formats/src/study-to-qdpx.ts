/** A study as a REFI-QDA project model for the refi-qda writer: re-importing the .qdpx gives the same study. */
import { uuidV5 } from '@peerbridge/domain';
import type {
  Audit,
  Case,
  Code,
  CodeSet,
  Note,
  Project,
  TextSelection,
  TextSource,
  User,
  Variable,
  VariableValue,
} from '@peerbridge/refi-qda';
import { CSV_NAMESPACE } from './csv-guids';
import type { LoadedRefi, LoadedStudy } from './loaded-study';
import type { AuditData, NoteTarget } from './study-data';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const derived = (kind: string, value: string) => uuidV5(`${kind}:${value}`, CSV_NAMESPACE);

function variableType(values: ReadonlyArray<string | number | boolean>): Variable['type'] {
  if (values.every((v) => typeof v === 'boolean')) return 'Boolean';
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'Integer';
  if (values.every((v) => typeof v === 'number')) return 'Float';
  return 'Text';
}

export interface QdpxModel {
  project: Project;
  /** Segments left out because their document has no text to point into. */
  skippedSegments: number;
}

const emptyRefi = (): LoadedRefi => ({
  projects: [],
  users: [],
  selections: [],
  notes: [],
  noteRefs: [],
  sets: [],
  codes: {},
});

const audit = (a: AuditData): Audit => ({
  creatingUser: a.creatingUser ?? undefined,
  creationDateTime: a.createdAt ?? undefined,
  modifyingUser: a.modifyingUser ?? undefined,
  modifiedDateTime: a.modifiedAt ?? undefined,
});

const orUndefined = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

/** The users of the export: the projects' own (their GUIDs kept), then one per other coder name (derived GUID). */
function exportUsers(
  study: LoadedStudy,
  refi: LoadedRefi,
): { users: User[]; guidOfName: Map<string, string> } {
  const users: User[] = refi.users.map((u) => ({
    guid: u.guid,
    name: orUndefined(u.name),
    id: orUndefined(u.shortId),
  }));
  const guidOfName = new Map<string, string>();
  for (const u of refi.users) {
    const name = u.name ?? u.shortId;
    if (name !== null && !guidOfName.has(name)) guidOfName.set(name, u.guid);
  }
  for (const s of study.segments) {
    if (s.coder === null || guidOfName.has(s.coder) || (s.codingGuid ?? null) !== null) continue;
    const guid = derived('user', s.coder);
    guidOfName.set(s.coder, guid);
    users.push({ guid, name: s.coder });
  }
  return { users, guidOfName };
}

export function studyToProject(study: LoadedStudy): QdpxModel {
  const refi = study.refi ?? emptyRefi();
  const { users, guidOfName } = exportUsers(study, refi);
  const notesOf = new Map<string, string[]>();
  for (const r of refi.noteRefs) {
    const key = `${r.targetKind}:${r.targetGuid ?? ''}`;
    const list = notesOf.get(key);
    if (list) list.push(r.noteGuid);
    else notesOf.set(key, [r.noteGuid]);
  }
  const noteRefs = (kind: NoteTarget, guid: string | null) => [
    ...(notesOf.get(`${kind}:${guid ?? ''}`) ?? []),
  ];
  const selectionRows = new Map(refi.selections.map((x) => [x.guid, x]));

  const codeNodes = new Map<string, Code>();
  for (const c of study.codes) {
    const details = refi.codes[c.guid];
    codeNodes.set(c.guid, {
      guid: c.guid,
      name: c.name,
      isCodable: c.isCodable,
      color: orUndefined(details?.color),
      description: orUndefined(details?.description),
      noteRefs: noteRefs('code', c.guid),
      children: [],
    });
  }
  const roots: Code[] = [];
  for (const c of study.codes) {
    const node = codeNodes.get(c.guid) as Code;
    const parent = c.parentGuid === null ? undefined : codeNodes.get(c.parentGuid);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }

  // Every attribute becomes a variable; its type is what all its values share.
  const attributeValues = new Map<string, Array<string | number | boolean>>();
  for (const p of study.participants) {
    for (const [name, value] of Object.entries(p.attributes))
      attributeValues.set(name, [...(attributeValues.get(name) ?? []), value]);
  }
  const variables: Variable[] = [...attributeValues.entries()].map(([name, values]) => ({
    guid: derived('variable', name),
    name,
    type: variableType(values),
  }));
  const variableByName = new Map(variables.map((v) => [v.name, v]));
  const caseGuid = (ref: string) => (guidPattern.test(ref) ? ref.toLowerCase() : derived('case', ref));
  const cases: Case[] = study.participants.map((p) => {
    const values: VariableValue[] = Object.entries(p.attributes).map(([name, value]) => {
      const variable = variableByName.get(name) as Variable;
      const coerced = variable.type === 'Text' ? String(value) : value;
      return { variableGuid: variable.guid, type: variable.type, value: coerced };
    });
    return {
      guid: caseGuid(p.ref),
      name: p.name,
      codeRefs: [],
      variableValues: values,
      sourceRefs: study.documents.filter((d) => d.participantRef === p.ref).map((d) => d.guid),
      selectionRefs: [],
    };
  });

  const segmentsOf = new Map<string, LoadedStudy['segments']>();
  for (const s of study.segments) {
    const list = segmentsOf.get(s.sourceGuid);
    if (list) list.push(s);
    else segmentsOf.set(s.sourceGuid, [s]);
  }
  const keptSelectionsOf = new Map<string, LoadedRefi['selections']>();
  for (const x of refi.selections) {
    const list = keptSelectionsOf.get(x.documentGuid);
    if (list) list.push(x);
    else keptSelectionsOf.set(x.documentGuid, [x]);
  }

  let skippedSegments = 0;
  const sources: TextSource[] = study.documents.map((d) => {
    const segments = segmentsOf.get(d.guid) ?? [];
    const kept = keptSelectionsOf.get(d.guid) ?? [];
    // A document without text whose selections point past it came from a .qde without its texts: it is written
    // without a text (never as a 0-byte file) and its selections keep the positions the file gave them.
    const textAvailable = !(
      d.text === '' &&
      (segments.some((s) => s.text === null) || kept.some((x) => x.end > d.text.length))
    );
    const selections = new Map<string, TextSelection>();
    const selectionOf = (guid: string, start: number, end: number, createdAt: string | null) => {
      let selection = selections.get(guid);
      if (selection) return selection;
      const row = selectionRows.get(guid);
      selection = {
        guid,
        start,
        end,
        text: textAvailable ? d.text.slice(start, end) : null,
        written: { start, end },
        codings: [],
        noteRefs: noteRefs('selection', guid),
        ...(row
          ? { name: orUndefined(row.name), description: orUndefined(row.description), ...audit(row) }
          : { creationDateTime: createdAt ?? undefined }),
      };
      selections.set(guid, selection);
      return selection;
    };
    for (const s of segments) {
      if (s.text === null && textAvailable) {
        skippedSegments++;
        continue;
      }
      const selection = selectionOf(s.selectionGuid, s.start, s.end, s.createdAt);
      const fromProject = (s.codingGuid ?? null) !== null;
      const codingGuid = s.codingGuid ?? s.id;
      selection.codings.push({
        guid: codingGuid,
        codeGuid: s.codeGuid,
        creatingUser: fromProject
          ? orUndefined(s.codingUser)
          : s.coder === null
            ? undefined
            : guidOfName.get(s.coder),
        creationDateTime: s.createdAt ?? undefined,
        noteRefs: fromProject ? noteRefs('coding', codingGuid) : [],
      });
    }
    // Selections kept for themselves (no codings, only a note or a name) come back too.
    for (const x of kept) {
      if (textAvailable && x.end > d.text.length) continue;
      selectionOf(x.guid, x.start, x.end, null);
    }
    return {
      kind: 'text',
      guid: d.guid,
      name: d.name,
      textLocation: textAvailable ? 'internal' : 'none',
      textAvailable,
      selections: [...selections.values()].sort(
        (a, b) => a.start - b.start || a.end - b.end || cmp(a.guid, b.guid),
      ),
      codings: [],
      noteRefs: noteRefs('source', d.guid),
      variableValues: [],
      ...(textAvailable ? { content: d.text } : {}),
    };
  });

  const notes: Note[] = refi.notes.map((n) => ({
    guid: n.guid,
    name: orUndefined(n.name),
    description: orUndefined(n.description),
    text: n.text,
    ...audit(n),
  }));
  const sets: CodeSet[] = refi.sets.map((x) => ({
    guid: x.guid,
    name: x.name,
    description: orUndefined(x.description),
    memberCodes: x.members.filter((m) => m.kind === 'code').map((m) => m.guid),
    memberSources: x.members.filter((m) => m.kind === 'source').map((m) => m.guid),
    memberNotes: x.members.filter((m) => m.kind === 'note').map((m) => m.guid),
  }));
  // The first imported project's own metadata (name, origin, dates); a study of CSV or JSON is PeerBridge's.
  const meta = refi.projects[0];

  return {
    skippedSegments,
    project: {
      name: meta?.name ?? study.study.name,
      origin: meta?.origin ?? 'PeerBridge',
      description: orUndefined(meta?.description),
      basePath: orUndefined(meta?.basePath),
      ...(meta ? audit(meta) : {}),
      users,
      codes: roots,
      sources,
      cases,
      variables,
      sets,
      notes,
      noteRefs: noteRefs('project', null),
      warnings: [],
      offsetDecisions: [],
    },
  };
}
