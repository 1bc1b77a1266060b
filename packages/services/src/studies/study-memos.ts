/**
 * The memos of a study (REFI-QDA notes kept by an import, ADR 0029) beside what they are about: the project,
 * a code (by its display name), or a document (also for a note on one of its selections or codings).
 */
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

/** Every memo of study `studyId` with its target, in the file's order; `codeName` gives display names by code id. */
export async function studyMemos(
  db: DbOrTrx,
  studyId: string,
  codeName: ReadonlyMap<string, string>,
): Promise<StudyMemo[]> {
  const [refs, notes, codes, documents, selections, codings] = await Promise.all([
    db.selectFrom('study_note_ref').selectAll().where('study_id', '=', studyId).orderBy('position').execute(),
    db.selectFrom('study_note').select(['guid', 'name', 'text']).where('study_id', '=', studyId).execute(),
    db.selectFrom('code').select(['id', 'guid']).where('study_id', '=', studyId).execute(),
    db.selectFrom('document').select(['id', 'source_guid', 'name']).where('study_id', '=', studyId).execute(),
    db
      .selectFrom('coded_segment')
      .select(['selection_guid', 'document_id'])
      .where('study_id', '=', studyId)
      .where(
        'selection_guid',
        'in',
        db
          .selectFrom('study_note_ref')
          .select('target_guid')
          .where('study_id', '=', studyId)
          .where('target_kind', '=', 'selection')
          .where('target_guid', 'is not', null),
      )
      .execute(),
    db
      .selectFrom('coded_segment')
      .select(['coding_guid', 'document_id', 'code_id'])
      .where('study_id', '=', studyId)
      .where(
        'coding_guid',
        'in',
        db
          .selectFrom('study_note_ref')
          .select('target_guid')
          .where('study_id', '=', studyId)
          .where('target_kind', '=', 'coding')
          .where('target_guid', 'is not', null),
      )
      .execute(),
  ]);
  if (refs.length === 0) return [];
  const note = new Map(notes.map((n) => [n.guid, n]));
  const codeByGuid = new Map(codes.map((c) => [c.guid, codeName.get(c.id) ?? null]));
  const documentById = new Map(documents.map((d) => [d.id, d.name]));
  const documentByGuid = new Map(documents.map((d) => [d.source_guid, d.name]));
  const selectionDocument = new Map(
    selections.map((s) => [s.selection_guid, documentById.get(s.document_id)]),
  );
  // Selections kept without codings still name their document.
  const kept = await db
    .selectFrom('study_selection')
    .select(['guid', 'document_id'])
    .where('study_id', '=', studyId)
    .execute();
  for (const s of kept)
    if (!selectionDocument.has(s.guid)) selectionDocument.set(s.guid, documentById.get(s.document_id));
  const coding = new Map(
    codings.map((c) => [
      c.coding_guid,
      { document: documentById.get(c.document_id), code: codeName.get(c.code_id) },
    ]),
  );
  const out: StudyMemo[] = [];
  for (const r of refs) {
    const n = note.get(r.note_guid);
    const guid = r.target_guid ?? '';
    const on =
      r.target_kind === 'code'
        ? { code: codeByGuid.get(guid) ?? null, document: null }
        : r.target_kind === 'source'
          ? { code: null, document: documentByGuid.get(guid) ?? null }
          : r.target_kind === 'selection'
            ? { code: null, document: selectionDocument.get(guid) ?? null }
            : r.target_kind === 'coding'
              ? { code: coding.get(guid)?.code ?? null, document: coding.get(guid)?.document ?? null }
              : { code: null, document: null };
    out.push({
      target: r.target_kind === 'source' ? 'document' : r.target_kind,
      ...on,
      name: n?.name ?? null,
      text: n?.text ?? null,
    });
  }
  return out;
}
