/**
 * The study page's memos (ADR 0044): an index of the study's codes and documents with how many notes each
 * has and the sets that can narrow the page, and the notes themselves, paged (ADR 0035), with their author
 * and date when the file stored them. Only the study's owner reaches either; reading the notes' text is
 * audited (`study.notes_read`), the index holds names and counts only. A pseudonymised import keeps no notes
 * or sets (ADR 0029), which the index says, so the page never shows an empty list as if there were none.
 */
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTrx } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { idSchema } from '../schemas';
import { codeDisplayNames } from './analyze-study';
import { codesInTreeOrder } from './code-tree-order';
import { loadOwnStudy } from './study-access';
import { memoTargetOf, noteTargets, type StudyMemo } from './study-memos';
import { inSetScope, studySetScope } from './study-sets';

export interface StudySetEntry {
  id: string;
  name: string;
  description: string | null;
  documents: number;
  codes: number;
}

export interface StudyNotesIndex {
  /** Imported with `--pseudonymize`: no notes or sets were kept. */
  pseudonymized: boolean;
  projectNotes: number;
  sets: StudySetEntry[];
  /** The set the codes and documents below are narrowed to, or null for all of them. */
  set: { id: string; name: string } | null;
  codes: Array<{ id: string; name: string; segments: number; notes: number }>;
  documents: Array<{ id: string; name: string; segments: number; notes: number }>;
}

export const studyNotesIndexInput = z.object({ studyId: idSchema, setId: idSchema.optional() });

/** A study was pseudonymised when one of its imports was (the import run's report says so). */
async function isPseudonymized(db: DbOrTrx, studyId: string): Promise<boolean> {
  const run = await db
    .selectFrom('import_run')
    .select('id')
    .where('study_id', '=', studyId)
    .where('report', 'like', '%"pseudonymized":true%')
    .executeTakeFirst();
  return run !== undefined;
}

function countBy(rows: ReadonlyArray<{ key: string; n: number | string | bigint }>): Map<string, number> {
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/** The study's codes and documents with their segment and note counts, its sets, and its project notes. */
export async function studyNotesIndex(
  db: Db,
  actor: Actor,
  input: z.input<typeof studyNotesIndexInput>,
): Promise<StudyNotesIndex> {
  const parsed = parseServiceInput(studyNotesIndexInput, input);
  const study = await loadOwnStudy(db, actor, parsed.studyId);
  const scope =
    parsed.setId === undefined ? null : await studySetScope(db, study.id, { id: parsed.setId }, 'setId');
  const [codes, documents, codeSegments, documentSegments, refs, sets, members, pseudonymized] =
    await Promise.all([
      db
        .selectFrom('code')
        .select(['id', 'name', 'parent_id', 'position'])
        .where('study_id', '=', study.id)
        .execute(),
      db.selectFrom('document').select(['id', 'name', 'position']).where('study_id', '=', study.id).execute(),
      db
        .selectFrom('coded_segment')
        .select(['code_id as key', (eb) => eb.fn.countAll<number>().as('n')])
        .where('study_id', '=', study.id)
        .groupBy('code_id')
        .execute(),
      db
        .selectFrom('coded_segment')
        .select(['document_id as key', (eb) => eb.fn.countAll<number>().as('n')])
        .where('study_id', '=', study.id)
        .groupBy('document_id')
        .execute(),
      db
        .selectFrom('study_note_ref')
        .select(['target_kind', 'target_guid'])
        .where('study_id', '=', study.id)
        .execute(),
      db
        .selectFrom('study_set')
        .select(['id', 'guid', 'name', 'description'])
        .where('study_id', '=', study.id)
        .orderBy('position')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('study_set_member')
        .select(['set_guid', 'member_kind', (eb) => eb.fn.countAll<number>().as('n')])
        .where('study_id', '=', study.id)
        .groupBy(['set_guid', 'member_kind'])
        .execute(),
      isPseudonymized(db, study.id),
    ]);
  const segmentsOfCode = countBy(codeSegments);
  const segmentsOfDocument = countBy(documentSegments);
  const notesOfCode = new Map<string, number>();
  const notesOfDocument = new Map<string, number>();
  const targets = await noteTargets(db, study.id, refs);
  for (const t of targets) {
    if (t.codeId !== null) notesOfCode.set(t.codeId, (notesOfCode.get(t.codeId) ?? 0) + 1);
    if (t.documentId !== null)
      notesOfDocument.set(t.documentId, (notesOfDocument.get(t.documentId) ?? 0) + 1);
  }
  const memberCount = (guid: string, kind: 'source' | 'code') =>
    Number(members.find((m) => m.set_guid === guid && m.member_kind === kind)?.n ?? 0);
  const names = codeDisplayNames(codes);
  return {
    pseudonymized,
    projectNotes: refs.filter((r) => r.target_kind === 'project').length,
    sets: sets.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      documents: memberCount(s.guid, 'source'),
      codes: memberCount(s.guid, 'code'),
    })),
    set: scope === null ? null : { id: scope.setId, name: scope.name },
    codes: codesInTreeOrder(codes)
      .filter((c) => inSetScope(scope, { codeId: c.id }))
      .map((c) => ({
        id: c.id,
        name: names.get(c.id) ?? c.name,
        segments: segmentsOfCode.get(c.id) ?? 0,
        notes: notesOfCode.get(c.id) ?? 0,
      })),
    documents: documents
      .filter((d) => inSetScope(scope, { documentId: d.id }))
      .sort(
        (a, b) =>
          (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
          a.name.localeCompare(b.name),
      )
      .map((d) => ({
        id: d.id,
        name: d.name,
        segments: segmentsOfDocument.get(d.id) ?? 0,
        notes: notesOfDocument.get(d.id) ?? 0,
      })),
  };
}

export interface StudyNote {
  /** The note reference's id (a note attached to two targets is listed under each). */
  id: string;
  target: StudyMemo['target'];
  code: { id: string; name: string } | null;
  document: { id: string; name: string } | null;
  name: string | null;
  text: string | null;
  /** The creating user's name as the file gave it, or null. */
  author: string | null;
  /** When the note was created, as the file wrote it, or null. */
  createdAt: string | null;
}

/** Notes per page: 20 by default, at most 100. `codeId` goes with `about: 'code'`, `documentId` with `'document'`. */
export const studyNotesInput = z.object({
  studyId: idSchema,
  about: z.enum(['project', 'code', 'document'], { message: 'expected one of project, code, document' }),
  codeId: idSchema.optional(),
  documentId: idSchema.optional(),
  ...pageFields(20, 100),
});

/** What the notes are about, with the id it needs (a missing one is bad input naming the field). */
function targetOf(
  parsed: z.output<typeof studyNotesInput>,
): { about: 'project' } | { about: 'code'; codeId: string } | { about: 'document'; documentId: string } {
  if (parsed.about === 'project') return { about: 'project' };
  if (parsed.about === 'code') {
    if (parsed.codeId === undefined) throw invalidField('codeId', 'the id of a code of this study');
    return { about: 'code', codeId: parsed.codeId };
  }
  if (parsed.documentId === undefined) throw invalidField('documentId', 'the id of a document of this study');
  return { about: 'document', documentId: parsed.documentId };
}

/**
 * The notes about the project, one code (its own and its codings' notes) or one document (its own and its
 * selections' and codings' notes), in the file's order; each page read is audited.
 */
export async function listStudyNotes(
  db: Db,
  actor: Actor,
  input: z.input<typeof studyNotesInput>,
): Promise<Page<StudyNote>> {
  const parsed = parseServiceInput(studyNotesInput, input, 'notes');
  const target = targetOf(parsed);
  return db.transaction().execute(async (trx) => {
    const study = await loadOwnStudy(trx, actor, parsed.studyId);
    const s = study.id;
    let query = trx
      .selectFrom('study_note_ref as r')
      .leftJoin('study_note as n', (j) =>
        j.onRef('n.study_id', '=', 'r.study_id').onRef('n.guid', '=', 'r.note_guid'),
      )
      .leftJoin('study_user as u', (j) =>
        j.onRef('u.study_id', '=', 'r.study_id').onRef('u.guid', '=', 'n.creating_user'),
      )
      .select([
        'r.id',
        'r.position',
        'r.target_kind',
        'r.target_guid',
        'n.name',
        'n.text',
        'n.created_at_source',
        'u.name as author',
      ])
      .where('r.study_id', '=', s);
    if (target.about === 'project') query = query.where('r.target_kind', '=', 'project');
    else if (target.about === 'code') {
      const code = target.codeId;
      query = query.where((eb) =>
        eb.or([
          eb.and([
            eb('r.target_kind', '=', 'code'),
            eb(
              'r.target_guid',
              'in',
              eb.selectFrom('code').select('guid').where('study_id', '=', s).where('id', '=', code),
            ),
          ]),
          eb.and([
            eb('r.target_kind', '=', 'coding'),
            eb(
              'r.target_guid',
              'in',
              eb
                .selectFrom('coded_segment')
                .select('coding_guid')
                .where('study_id', '=', s)
                .where('code_id', '=', code)
                .where('coding_guid', 'is not', null),
            ),
          ]),
        ]),
      );
    } else {
      const document = target.documentId;
      const segments = (column: 'selection_guid' | 'coding_guid') =>
        trx
          .selectFrom('coded_segment')
          .select(column)
          .where('study_id', '=', s)
          .where('document_id', '=', document)
          .where(column, 'is not', null);
      query = query.where((eb) =>
        eb.or([
          eb.and([
            eb('r.target_kind', '=', 'source'),
            eb(
              'r.target_guid',
              'in',
              eb
                .selectFrom('document')
                .select('source_guid')
                .where('study_id', '=', s)
                .where('id', '=', document),
            ),
          ]),
          eb.and([
            eb('r.target_kind', '=', 'selection'),
            eb.or([
              eb('r.target_guid', 'in', segments('selection_guid')),
              eb(
                'r.target_guid',
                'in',
                eb
                  .selectFrom('study_selection')
                  .select('guid')
                  .where('study_id', '=', s)
                  .where('document_id', '=', document),
              ),
            ]),
          ]),
          eb.and([eb('r.target_kind', '=', 'coding'), eb('r.target_guid', 'in', segments('coding_guid'))]),
        ]),
      );
    }
    if (parsed.cursor) {
      const [position, id] = decodeCursor(parsed.cursor, ['number', 'string'] as const);
      query = query.where((eb) =>
        eb.or([
          eb('r.position', '>', position),
          eb.and([eb('r.position', '=', position), eb('r.id', '>', id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('r.position')
      .orderBy('r.id')
      .limit(parsed.limit + 1)
      .execute();
    const shown = rows.slice(0, parsed.limit);
    const [targets, codes, documents] = await Promise.all([
      noteTargets(trx, s, shown),
      trx.selectFrom('code').select(['id', 'name', 'parent_id']).where('study_id', '=', s).execute(),
      trx.selectFrom('document').select(['id', 'name']).where('study_id', '=', s).execute(),
    ]);
    const codeName = codeDisplayNames(codes);
    const targetById = new Map(shown.map((r, i) => [r.id, targets[i]]));
    const documentName = new Map(documents.map((d) => [d.id, d.name]));
    await recordAudit(trx, actor, {
      action: 'study.notes_read',
      entityType: 'study',
      entityId: s,
      details: { about: parsed.about, notes: shown.length },
    });
    return toPage(
      rows,
      parsed.limit,
      (r) => [Number(r.position), r.id],
      (r): StudyNote => {
        const on = targetById.get(r.id) ?? { codeId: null, documentId: null };
        return {
          id: r.id,
          target: memoTargetOf(r.target_kind),
          code: on.codeId === null ? null : { id: on.codeId, name: codeName.get(on.codeId) ?? '' },
          document:
            on.documentId === null
              ? null
              : { id: on.documentId, name: documentName.get(on.documentId) ?? '' },
          name: r.name ?? null,
          text: r.text ?? null,
          author: r.author ?? null,
          createdAt: r.created_at_source ?? null,
        };
      },
    );
  });
}
