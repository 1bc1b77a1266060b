/**
 * Sets of an imported REFI-QDA project (ADR 0029) as filters of a study's analysis (ADR 0044): a set's
 * documents narrow the documents, its codes narrow the codes; a set with both narrows both, and its notes
 * narrow nothing. Members are resolved to row ids once, so a filter is a lookup per segment.
 */
import type { DbOrTrx } from '../db';
import { invalidField } from '../errors';

export interface StudySetScope {
  setId: string;
  name: string;
  /** The set's documents; null when the set holds none (every document stays). */
  documentIds: ReadonlySet<string> | null;
  /** The set's codes; null when the set holds none (every code stays). */
  codeIds: ReadonlySet<string> | null;
}

/**
 * The set `which` (by id, or by name for the CLI) of study `studyId`. Another study's set, or none, is bad
 * input naming `field`, exactly like a set that does not exist.
 */
export async function studySetScope(
  db: DbOrTrx,
  studyId: string,
  which: { id: string } | { name: string },
  field: string,
): Promise<StudySetScope> {
  let query = db.selectFrom('study_set').select(['id', 'guid', 'name']).where('study_id', '=', studyId);
  query = 'id' in which ? query.where('id', '=', which.id) : query.where('name', '=', which.name);
  const set = await query.orderBy('position').orderBy('id').executeTakeFirst();
  if (!set) throw invalidField(field, 'a set of this study');
  const members = db
    .selectFrom('study_set_member')
    .select('member_guid')
    .where('study_id', '=', studyId)
    .where('set_guid', '=', set.guid);
  const [documents, codes] = await Promise.all([
    db
      .selectFrom('document')
      .select('id')
      .where('study_id', '=', studyId)
      .where('source_guid', 'in', members.where('member_kind', '=', 'source'))
      .execute(),
    db
      .selectFrom('code')
      .select('id')
      .where('study_id', '=', studyId)
      .where('guid', 'in', members.where('member_kind', '=', 'code'))
      .execute(),
  ]);
  return {
    setId: set.id,
    name: set.name,
    documentIds: documents.length === 0 ? null : new Set(documents.map((d) => d.id)),
    codeIds: codes.length === 0 ? null : new Set(codes.map((c) => c.id)),
  };
}

/** Whether a document (and, for a segment, its code) is inside the scope; no scope keeps everything. */
export function inSetScope(
  scope: StudySetScope | null,
  item: { documentId?: string | undefined; codeId?: string | undefined },
): boolean {
  if (scope === null) return true;
  if (scope.documentIds !== null && item.documentId !== undefined && !scope.documentIds.has(item.documentId))
    return false;
  if (scope.codeIds !== null && item.codeId !== undefined && !scope.codeIds.has(item.codeId)) return false;
  return true;
}
