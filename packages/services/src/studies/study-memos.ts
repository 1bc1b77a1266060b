/**
 * The memos of a study (REFI-QDA notes kept by an import, ADR 0029) beside what they are about: the project,
 * a code (by its display name), or a document (also for a note on one of its selections or codings).
 */
import { chunked, type NoteTargetKind } from '@peerbridge/db';
import type { DbOrTrx } from '../db';

export interface StudyMemo {
  /** What the note is attached to in the file. */
  target: 'project' | 'code' | 'document' | 'selection' | 'coding';
  /** The code's display name (a note on a code or a coding) or null. */
  code: string | null;
  /** The document's name (a note on a document, or on one of its selections or codings) or null. */
  document: string | null;
  name: string | null;
  text: string | null;
}

/** The code and the document a note reference is about (ids), null where it names none. */
export interface NoteTarget {
  codeId: string | null;
  documentId: string | null;
}

/** GUIDs per `in (...)` list. */
const GUIDS_PER_QUERY = 500;

async function inLists<R>(guids: ReadonlySet<string>, read: (list: string[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const list of chunked([...guids], GUIDS_PER_QUERY)) for (const row of await read(list)) out.push(row);
  return out;
}

/** The code and document each reference of `refs` is about, in their order (a few lookups per kind). */
export async function noteTargets(
  db: DbOrTrx,
  studyId: string,
  refs: ReadonlyArray<{ target_kind: NoteTargetKind; target_guid: string | null }>,
): Promise<NoteTarget[]> {
  const wanted = (kind: NoteTargetKind) =>
    new Set(refs.flatMap((r) => (r.target_kind === kind && r.target_guid !== null ? [r.target_guid] : [])));
  const [codes, documents, selections, kept, codings] = await Promise.all([
    inLists(wanted('code'), (list) =>
      db
        .selectFrom('code')
        .select(['id', 'guid'])
        .where('study_id', '=', studyId)
        .where('guid', 'in', list)
        .execute(),
    ),
    inLists(wanted('source'), (list) =>
      db
        .selectFrom('document')
        .select(['id', 'source_guid'])
        .where('study_id', '=', studyId)
        .where('source_guid', 'in', list)
        .execute(),
    ),
    inLists(wanted('selection'), (list) =>
      db
        .selectFrom('coded_segment')
        .select(['selection_guid', 'document_id'])
        .where('study_id', '=', studyId)
        .where('selection_guid', 'in', list)
        .execute(),
    ),
    // Selections kept without codings still name their document.
    inLists(wanted('selection'), (list) =>
      db
        .selectFrom('study_selection')
        .select(['guid', 'document_id'])
        .where('study_id', '=', studyId)
        .where('guid', 'in', list)
        .execute(),
    ),
    inLists(wanted('coding'), (list) =>
      db
        .selectFrom('coded_segment')
        .select(['coding_guid', 'document_id', 'code_id'])
        .where('study_id', '=', studyId)
        .where('coding_guid', 'in', list)
        .execute(),
    ),
  ]);
  const codeByGuid = new Map(codes.map((c) => [c.guid, c.id]));
  const documentByGuid = new Map(documents.map((d) => [d.source_guid, d.id]));
  const selectionDocument = new Map(selections.map((s) => [s.selection_guid, s.document_id]));
  for (const s of kept) if (!selectionDocument.has(s.guid)) selectionDocument.set(s.guid, s.document_id);
  const coding = new Map(
    codings.map((c) => [c.coding_guid, { codeId: c.code_id, documentId: c.document_id }]),
  );
  return refs.map((r): NoteTarget => {
    const guid = r.target_guid ?? '';
    switch (r.target_kind) {
      case 'code':
        return { codeId: codeByGuid.get(guid) ?? null, documentId: null };
      case 'source':
        return { codeId: null, documentId: documentByGuid.get(guid) ?? null };
      case 'selection':
        return { codeId: null, documentId: selectionDocument.get(guid) ?? null };
      case 'coding':
        return coding.get(guid) ?? { codeId: null, documentId: null };
      default:
        return { codeId: null, documentId: null };
    }
  });
}

/** What the file calls a target, as the study shows it (a source is a document). */
export function memoTargetOf(kind: NoteTargetKind): StudyMemo['target'] {
  return kind === 'source' ? 'document' : kind;
}

/** Every memo of study `studyId` with its target, in the file's order; `codeName` gives display names by code id. */
export async function studyMemos(
  db: DbOrTrx,
  studyId: string,
  codeName: ReadonlyMap<string, string>,
): Promise<StudyMemo[]> {
  const refs = await db
    .selectFrom('study_note_ref')
    .select(['note_guid', 'target_kind', 'target_guid'])
    .where('study_id', '=', studyId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (refs.length === 0) return [];
  const [notes, documents, targets] = await Promise.all([
    db.selectFrom('study_note').select(['guid', 'name', 'text']).where('study_id', '=', studyId).execute(),
    db.selectFrom('document').select(['id', 'name']).where('study_id', '=', studyId).execute(),
    noteTargets(db, studyId, refs),
  ]);
  const note = new Map(notes.map((n) => [n.guid, n]));
  const documentName = new Map(documents.map((d) => [d.id, d.name]));
  return refs.map((r, i) => {
    const n = note.get(r.note_guid);
    const on = targets[i] as NoteTarget;
    return {
      target: memoTargetOf(r.target_kind),
      code: on.codeId === null ? null : (codeName.get(on.codeId) ?? null),
      document: on.documentId === null ? null : (documentName.get(on.documentId) ?? null),
      name: n?.name ?? null,
      text: n?.text ?? null,
    };
  });
}
