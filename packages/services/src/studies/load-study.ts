/** A whole study read back from the database in the CLI's JSON shape, ready for any export format. */
import {
  type LoadedRefi,
  type LoadedStudy,
  STUDY_JSON_FORMAT,
  STUDY_JSON_VERSION,
  type StudyJson,
} from '@peerbridge/study-formats';
import { sql } from 'kysely';
import type { DbOrTrx } from '../db';
import { codesInTreeOrder } from './code-tree-order';

type Attributes = StudyJson['participants'][number]['attributes'];

function parseAttributes(text: string): Attributes {
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' ? (value as Attributes) : {};
}

const auditOf = (r: {
  creating_user: string | null;
  created_at_source: string | null;
  modifying_user: string | null;
  modified_at_source: string | null;
}) => ({
  creatingUser: r.creating_user,
  createdAt: r.created_at_source,
  modifyingUser: r.modifying_user,
  modifiedAt: r.modified_at_source,
});

/** What the study keeps of its REFI-QDA projects beyond segments, in the order they were imported. */
async function loadRefi(
  db: DbOrTrx,
  studyId: string,
  sourceGuidOf: ReadonlyMap<string, string>,
  codes: ReadonlyArray<{ guid: string; color: string | null; description: string | null }>,
): Promise<LoadedRefi> {
  const [projects, users, selections, notes, noteRefs, sets, members] = await Promise.all([
    db
      .selectFrom('study_project')
      .selectAll()
      .where('study_id', '=', studyId)
      .orderBy('imported_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('study_user').selectAll().where('study_id', '=', studyId).orderBy('position').execute(),
    db.selectFrom('study_selection').selectAll().where('study_id', '=', studyId).orderBy('guid').execute(),
    db.selectFrom('study_note').selectAll().where('study_id', '=', studyId).orderBy('position').execute(),
    db.selectFrom('study_note_ref').selectAll().where('study_id', '=', studyId).orderBy('position').execute(),
    db.selectFrom('study_set').selectAll().where('study_id', '=', studyId).orderBy('position').execute(),
    db
      .selectFrom('study_set_member')
      .selectAll()
      .where('study_id', '=', studyId)
      .orderBy('position')
      .execute(),
  ]);
  const setMembers = new Map<string, LoadedRefi['sets'][number]['members']>();
  for (const m of members) {
    let list = setMembers.get(m.set_guid);
    if (!list) {
      list = [];
      setMembers.set(m.set_guid, list);
    }
    list.push({ kind: m.member_kind, guid: m.member_guid });
  }
  const codeDetails: LoadedRefi['codes'] = {};
  for (const c of codes)
    if (c.color !== null || c.description !== null)
      codeDetails[c.guid] = { color: c.color, description: c.description };
  return {
    projects: projects.map((p) => ({
      name: p.name,
      origin: p.origin,
      description: p.description,
      basePath: p.base_path,
      ...auditOf(p),
    })),
    users: users.map((u) => ({ guid: u.guid, name: u.name, shortId: u.short_id })),
    selections: selections.map((x) => ({
      guid: x.guid,
      documentGuid: sourceGuidOf.get(x.document_id) ?? '',
      start: Number(x.start_offset),
      end: Number(x.end_offset),
      name: x.name,
      description: x.description,
      ...auditOf(x),
    })),
    notes: notes.map((n) => ({
      guid: n.guid,
      name: n.name,
      description: n.description,
      text: n.text,
      ...auditOf(n),
    })),
    noteRefs: noteRefs.map((r) => ({
      noteGuid: r.note_guid,
      targetKind: r.target_kind,
      targetGuid: r.target_guid,
    })),
    sets: sets.map((x) => ({
      guid: x.guid,
      name: x.name,
      description: x.description,
      members: setMembers.get(x.guid) ?? [],
    })),
    codes: codeDetails,
  };
}

export async function loadStudy(db: DbOrTrx, study: { id: string; name: string }): Promise<LoadedStudy> {
  const [participants, documents, codes, segments, observations, dates] = await Promise.all([
    db
      .selectFrom('participant')
      .selectAll()
      .where('study_id', '=', study.id)
      .orderBy('pseudonym')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('document')
      .selectAll()
      .where('study_id', '=', study.id)
      // The file's order where it was kept (a REFI-QDA project), else by name.
      .orderBy(sql`position is null`)
      .orderBy('position')
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db.selectFrom('code').selectAll().where('study_id', '=', study.id).execute(),
    db
      .selectFrom('coded_segment')
      .selectAll()
      .where('study_id', '=', study.id)
      .orderBy('document_id')
      .orderBy('start_offset')
      .orderBy('end_offset')
      .orderBy('selection_guid')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('study_observation')
      .select(['participant_id', 'indicator', 'value', 'observed_at'])
      .where('study_id', '=', study.id)
      .where('source', '=', 'import')
      .orderBy('participant_id')
      .orderBy('observed_at')
      .orderBy('indicator')
      .execute(),
    db
      .selectFrom('study_observation')
      .select(['document_id', db.fn.min('observed_at').as('date')])
      .where('study_id', '=', study.id)
      .where('source', '=', 'interview')
      .groupBy('document_id')
      .execute(),
  ]);
  const refOf = new Map(participants.map((p) => [p.id, p.external_ref]));
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const dateOf = new Map(dates.map((d) => [d.document_id, d.date]));
  // Codes in tree order (parents first), so an import can insert them one by one.
  const ordered = codesInTreeOrder(codes);
  const refi = await loadRefi(db, study.id, new Map(documents.map((d) => [d.id, d.source_guid])), codes);
  return {
    refi,
    format: STUDY_JSON_FORMAT,
    version: STUDY_JSON_VERSION,
    study: { name: study.name },
    exportedAt: new Date().toISOString(),
    pseudonymized: false,
    offsets: 'utf16-code-units, end exclusive',
    participants: participants.map((p) => ({
      ref: p.external_ref,
      name: p.pseudonym,
      setting: p.setting,
      attributes: parseAttributes(p.attributes),
    })),
    documents: documents.map((d) => ({
      guid: d.source_guid,
      name: d.name,
      participantRef: d.participant_id === null ? null : (refOf.get(d.participant_id) ?? null),
      date: dateOf.get(d.id) ?? null,
      text: d.text,
    })),
    codes: ordered.map((c) => ({
      guid: c.guid,
      name: c.name,
      parentGuid: c.parent_id === null ? null : (codeById.get(c.parent_id)?.guid ?? null),
      isCodable: Number(c.is_codable) === 1,
      indicator: c.indicator as StudyJson['codes'][number]['indicator'],
    })),
    segments: segments.map((s) => {
      const document = documentById.get(s.document_id);
      const code = codeById.get(s.code_id);
      const text =
        document && s.end_offset <= document.text.length
          ? document.text.slice(s.start_offset, s.end_offset)
          : null;
      return {
        id: s.id,
        selectionGuid: s.selection_guid,
        sourceGuid: document?.source_guid ?? '',
        codeGuid: code?.guid ?? '',
        code: code?.name ?? '',
        start: Number(s.start_offset),
        end: Number(s.end_offset),
        text,
        coder: s.coder,
        createdAt: s.created_at_source,
        codingGuid: s.coding_guid,
        codingUser: s.coding_user,
        participantRef: null,
      };
    }),
    observations: observations.map((o) => ({
      participantRef: refOf.get(o.participant_id) ?? o.participant_id,
      indicator: o.indicator as StudyJson['observations'][number]['indicator'],
      value: Number(o.value),
      observedAt: o.observed_at,
    })),
  };
}
