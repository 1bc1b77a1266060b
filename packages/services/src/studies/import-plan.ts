/**
 * Comparing study data with what the study already holds: which rows are new, which are reused
 * (a participant or code from an earlier import), and which clash. Only reads, so a dry run can
 * use it and write nothing.
 */
import { randomUUID } from 'node:crypto';
import type { StudyData } from '@peerbridge/study-formats';
import { StudyInputError } from '@peerbridge/study-formats';
import type { DbOrTrx } from '../db';

/** Rows per table that an import writes (or, in a dry run, would write). */
export interface TableCounts {
  participant: number;
  document: number;
  code: number;
  coded_segment: number;
  study_observation: number;
}

export interface WritePlan {
  data: StudyData;
  /** Participant ref -> row id (existing or new). */
  participantIds: Map<string, string>;
  documentIds: Map<string, string>;
  codeIds: Map<string, string>;
  newParticipants: StudyData['participants'];
  newDocuments: StudyData['documents'];
  newCodes: StudyData['codes'];
  /** Participants already in the study whose setting and attributes a participants table updates. */
  updatedParticipants: StudyData['participants'];
  counts: TableCounts;
}

/** Existing rows of the study keyed the way the import refers to them; empty for a new study. */
async function existingRows(db: DbOrTrx | null, studyId: string | null) {
  if (db === null || studyId === null) {
    return {
      participants: new Map<string, string>(),
      documents: new Map<string, { id: string; text: string }>(),
      codes: new Map<string, string>(),
    };
  }
  const [participants, documents, codes] = await Promise.all([
    db.selectFrom('participant').select(['id', 'external_ref']).where('study_id', '=', studyId).execute(),
    db.selectFrom('document').select(['id', 'source_guid', 'text']).where('study_id', '=', studyId).execute(),
    db.selectFrom('code').select(['id', 'guid']).where('study_id', '=', studyId).execute(),
  ]);
  return {
    participants: new Map(participants.map((p) => [p.external_ref, p.id])),
    documents: new Map(documents.map((d) => [d.source_guid, { id: d.id, text: d.text }])),
    codes: new Map(codes.map((c) => [c.guid, c.id])),
  };
}

function requireUnique<T>(items: ReadonlyArray<T>, key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k))
      throw new StudyInputError('invalid_input', `the file lists ${what} ${k} twice`, {
        expected: `each ${what} once`,
      });
    seen.add(k);
  }
}

/**
 * Plan the writes of `data` into the study `studyId` (null: a study this import creates).
 * A document GUID the study already has with a different text is a conflict: the offsets of the
 * new segments would point into another text.
 */
export async function planWrites(
  db: DbOrTrx | null,
  studyId: string | null,
  data: StudyData,
): Promise<WritePlan> {
  requireUnique(data.participants, (p) => p.ref, 'participant');
  requireUnique(data.documents, (d) => d.guid, 'document GUID');
  requireUnique(data.codes, (c) => c.guid, 'code GUID');
  const existing = await existingRows(db, studyId);

  const participantIds = new Map<string, string>();
  const newParticipants: StudyData['participants'] = [];
  const updatedParticipants: StudyData['participants'] = [];
  for (const p of data.participants) {
    const id = existing.participants.get(p.ref);
    if (id !== undefined) {
      participantIds.set(p.ref, id);
      if (data.format === 'csv-participants') updatedParticipants.push(p);
    } else {
      participantIds.set(p.ref, randomUUID());
      newParticipants.push(p);
    }
  }
  for (const [ref, id] of existing.participants) if (!participantIds.has(ref)) participantIds.set(ref, id);

  const documentIds = new Map<string, string>();
  const newDocuments: StudyData['documents'] = [];
  for (const d of data.documents) {
    const found = existing.documents.get(d.guid);
    if (found === undefined) {
      documentIds.set(d.guid, randomUUID());
      newDocuments.push(d);
    } else if (found.text === d.text || d.text === '') {
      documentIds.set(d.guid, found.id);
    } else {
      throw new StudyInputError(
        'conflict',
        `document "${d.name}" (${d.guid}) is already in the study with a different text; import into a new study instead`,
      );
    }
  }
  for (const [guid, { id }] of existing.documents) if (!documentIds.has(guid)) documentIds.set(guid, id);

  const codeIds = new Map<string, string>();
  const newCodes: StudyData['codes'] = [];
  for (const c of data.codes) {
    const id = existing.codes.get(c.guid);
    if (id !== undefined) codeIds.set(c.guid, id);
    else {
      codeIds.set(c.guid, randomUUID());
      newCodes.push(c);
    }
  }
  for (const [guid, id] of existing.codes) if (!codeIds.has(guid)) codeIds.set(guid, id);

  for (const s of data.segments) {
    if (!documentIds.has(s.documentGuid))
      throw new StudyInputError(
        'invalid_input',
        `segment ${s.selectionGuid} refers to an unknown document ${s.documentGuid}`,
      );
    if (!codeIds.has(s.codeGuid))
      throw new StudyInputError(
        'invalid_input',
        `segment ${s.selectionGuid} refers to an unknown code ${s.codeGuid}`,
      );
  }
  for (const o of data.observations) {
    if (!participantIds.has(o.participantRef)) {
      throw new StudyInputError(
        'invalid_input',
        `observation ${o.id} refers to an unknown participant "${o.participantRef}"`,
      );
    }
  }
  if (db !== null && studyId !== null && data.segments.length > 0) {
    await rejectDuplicateSegments(db, studyId, data);
  }
  return {
    data,
    participantIds,
    documentIds,
    codeIds,
    newParticipants,
    newDocuments,
    newCodes,
    updatedParticipants,
    counts: {
      participant: newParticipants.length,
      document: newDocuments.length,
      code: newCodes.length,
      coded_segment: data.segments.length,
      study_observation: data.observations.length,
    },
  };
}

/** The same selection coded with the same code twice would double every count: refuse it. */
async function rejectDuplicateSegments(db: DbOrTrx, studyId: string, data: StudyData): Promise<void> {
  const guids = new Set(data.documents.map((d) => d.guid));
  const rows = await db
    .selectFrom('coded_segment')
    .innerJoin('code', 'code.id', 'coded_segment.code_id')
    .innerJoin('document', 'document.id', 'coded_segment.document_id')
    .select([
      'coded_segment.selection_guid as selection',
      'code.guid as code',
      'document.source_guid as document',
    ])
    .where('coded_segment.study_id', '=', studyId)
    .execute();
  const existing = new Set(
    rows.filter((r) => guids.has(r.document)).map((r) => `${r.selection}\u0000${r.code}`),
  );
  if (existing.size === 0) return;
  const clash = data.segments.find((s) => existing.has(`${s.selectionGuid}\u0000${s.codeGuid}`));
  if (clash) {
    throw new StudyInputError(
      'conflict',
      `selection ${clash.selectionGuid} with code ${clash.codeGuid} is already in the study (from another file); import into a new study instead`,
    );
  }
}
