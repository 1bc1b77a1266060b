/**
 * Comparing study data with what the study already holds: which rows are new, which are reused
 * (a participant or code from an earlier import), and which clash. Only reads, so a dry run can
 * use it and write nothing. Data comes in parts (a REFI-QDA project: the header, then one part per
 * source); the planner keeps the row ids and counts across parts, never the parts themselves.
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

export const zeroCounts = (): TableCounts => ({
  participant: 0,
  document: 0,
  code: 0,
  coded_segment: 0,
  study_observation: 0,
});

/** What an import keeps of REFI-QDA projects beyond segments (new rows of the extras' tables). */
export interface RefiCounts {
  projects: number;
  users: number;
  notes: number;
  noteRefs: number;
  sets: number;
  setMembers: number;
  selections: number;
}

export const zeroRefiCounts = (): RefiCounts => ({
  projects: 0,
  users: 0,
  notes: 0,
  noteRefs: 0,
  sets: 0,
  setMembers: 0,
  selections: 0,
});

/** The writes of one part: its new rows, with the ids of every row they may refer to. */
export interface WritePlan {
  data: StudyData;
  /** Participant ref -> row id (existing or new), over all parts so far. */
  participantIds: ReadonlyMap<string, string>;
  documentIds: ReadonlyMap<string, string>;
  codeIds: ReadonlyMap<string, string>;
  newParticipants: StudyData['participants'];
  newDocuments: StudyData['documents'];
  newCodes: StudyData['codes'];
  /** The part's REFI-QDA extras that the study does not hold yet (users, notes, sets by GUID). */
  newRefi: StudyData['refi'];
  /** Position of this part's first user, note and set in the study's order. */
  positions: { users: number; notes: number; sets: number; noteRefs: number; setMembers: number };
  /** Participants already in the study whose setting and attributes a participants table updates. */
  updatedParticipants: StudyData['participants'];
  /** Rows of this part. */
  counts: TableCounts;
}

const noteRefKey = (note: string, kind: string, target: string | null) =>
  `${note}\u0000${kind}\u0000${target ?? ''}`;

function once(seen: Set<string>, key: string, what: string): void {
  if (seen.has(key))
    throw new StudyInputError('invalid_input', `the file lists ${what} ${key} twice`, {
      expected: `each ${what} once`,
    });
  seen.add(key);
}

/** Plans the parts of one import into one study, in order. */
export class ImportPlanner {
  /** Rows of all parts planned so far. */
  readonly counts = zeroCounts();
  /** REFI-QDA extras of all parts planned so far. */
  readonly refiCounts = zeroRefiCounts();
  updatedParticipants = 0;
  private readonly participantIds = new Map<string, string>();
  private readonly documentIds = new Map<string, string>();
  private readonly codeIds = new Map<string, string>();
  private readonly seen = {
    participants: new Set<string>(),
    documents: new Set<string>(),
    codes: new Set<string>(),
  };
  /** Rows of the study before this import (id by ref / GUID): reused, never written again. */
  private readonly existing = {
    participants: new Set<string>(),
    documents: new Set<string>(),
    codes: new Set<string>(),
    users: new Set<string>(),
    notes: new Set<string>(),
    sets: new Set<string>(),
    noteRefs: new Set<string>(),
    selections: new Set<string>(),
  };
  /** Rows of the REFI-QDA extras so far (the study's and this import's), for their order. */
  private readonly positions = { users: 0, notes: 0, sets: 0, noteRefs: 0, setMembers: 0 };

  private constructor(
    private readonly db: DbOrTrx | null,
    private readonly studyId: string | null,
  ) {}

  /** A planner for study `studyId` (null: a study this import creates, so nothing exists yet). */
  static async open(db: DbOrTrx | null, studyId: string | null): Promise<ImportPlanner> {
    const planner = new ImportPlanner(db, studyId);
    if (db === null || studyId === null) return planner;
    const [participants, documents, codes] = await Promise.all([
      db.selectFrom('participant').select(['id', 'external_ref']).where('study_id', '=', studyId).execute(),
      db.selectFrom('document').select(['id', 'source_guid']).where('study_id', '=', studyId).execute(),
      db.selectFrom('code').select(['id', 'guid']).where('study_id', '=', studyId).execute(),
    ]);
    for (const p of participants) {
      planner.participantIds.set(p.external_ref, p.id);
      planner.existing.participants.add(p.external_ref);
    }
    for (const d of documents) {
      planner.documentIds.set(d.source_guid, d.id);
      planner.existing.documents.add(d.source_guid);
    }
    for (const c of codes) {
      planner.codeIds.set(c.guid, c.id);
      planner.existing.codes.add(c.guid);
    }
    // The extras are small (users, notes, sets), except selections, which are looked up per reused document.
    const [users, notes, sets, refs, members] = await Promise.all([
      db.selectFrom('study_user').select('guid').where('study_id', '=', studyId).execute(),
      db.selectFrom('study_note').select('guid').where('study_id', '=', studyId).execute(),
      db.selectFrom('study_set').select('guid').where('study_id', '=', studyId).execute(),
      db
        .selectFrom('study_note_ref')
        .select(['note_guid', 'target_kind', 'target_guid'])
        .where('study_id', '=', studyId)
        .execute(),
      db
        .selectFrom('study_set_member')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('study_id', '=', studyId)
        .executeTakeFirstOrThrow(),
    ]);
    for (const u of users) planner.existing.users.add(u.guid);
    for (const n of notes) planner.existing.notes.add(n.guid);
    for (const x of sets) planner.existing.sets.add(x.guid);
    for (const r of refs)
      planner.existing.noteRefs.add(noteRefKey(r.note_guid, r.target_kind, r.target_guid));
    planner.positions.users = users.length;
    planner.positions.notes = notes.length;
    planner.positions.sets = sets.length;
    planner.positions.noteRefs = refs.length;
    planner.positions.setMembers = Number(members.n);
    return planner;
  }

  /**
   * Plan the writes of `data`. A document GUID the study already has with a different text is a conflict:
   * the offsets of the new segments would point into another text.
   */
  async plan(data: StudyData): Promise<WritePlan> {
    const newParticipants: StudyData['participants'] = [];
    const updatedParticipants: StudyData['participants'] = [];
    for (const p of data.participants) {
      once(this.seen.participants, p.ref, 'participant');
      if (this.existing.participants.has(p.ref)) {
        if (data.format === 'csv-participants') updatedParticipants.push(p);
      } else {
        this.participantIds.set(p.ref, randomUUID());
        newParticipants.push(p);
      }
    }
    const newDocuments: StudyData['documents'] = [];
    const reusedDocuments: string[] = [];
    for (const d of data.documents) {
      once(this.seen.documents, d.guid, 'document GUID');
      if (!this.existing.documents.has(d.guid)) {
        this.documentIds.set(d.guid, randomUUID());
        newDocuments.push(d);
        continue;
      }
      const id = this.documentIds.get(d.guid) as string;
      const stored = await (this.db as DbOrTrx)
        .selectFrom('document')
        .select('text')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      if (stored.text !== d.text && d.text !== '') {
        throw new StudyInputError(
          'conflict',
          `document "${d.name}" (${d.guid}) is already in the study with a different text; import into a new study instead`,
        );
      }
      reusedDocuments.push(id);
    }
    const newCodes: StudyData['codes'] = [];
    for (const c of data.codes) {
      once(this.seen.codes, c.guid, 'code GUID');
      if (!this.existing.codes.has(c.guid)) {
        this.codeIds.set(c.guid, randomUUID());
        newCodes.push(c);
      }
    }
    for (const s of data.segments) {
      if (!this.documentIds.has(s.documentGuid))
        throw new StudyInputError(
          'invalid_input',
          `segment ${s.selectionGuid} refers to an unknown document ${s.documentGuid}`,
        );
      if (!this.codeIds.has(s.codeGuid))
        throw new StudyInputError(
          'invalid_input',
          `segment ${s.selectionGuid} refers to an unknown code ${s.codeGuid}`,
        );
    }
    for (const o of data.observations) {
      if (!this.participantIds.has(o.participantRef)) {
        throw new StudyInputError(
          'invalid_input',
          `observation ${o.id} refers to an unknown participant "${o.participantRef}"`,
        );
      }
    }
    if (reusedDocuments.length > 0 && data.segments.length > 0) {
      await this.rejectDuplicateSegments(reusedDocuments, data);
    }
    const positions = { ...this.positions };
    const newRefi = await this.planRefi(data.refi, reusedDocuments);
    const counts: TableCounts = {
      participant: newParticipants.length,
      document: newDocuments.length,
      code: newCodes.length,
      coded_segment: data.segments.length,
      study_observation: data.observations.length,
    };
    for (const key of Object.keys(counts) as (keyof TableCounts)[]) this.counts[key] += counts[key];
    this.updatedParticipants += updatedParticipants.length;
    return {
      data,
      participantIds: this.participantIds,
      documentIds: this.documentIds,
      codeIds: this.codeIds,
      newParticipants,
      newDocuments,
      newCodes,
      newRefi,
      positions,
      updatedParticipants,
      counts,
    };
  }

  /**
   * The REFI-QDA extras that are new: users, notes and sets by GUID (the first import of one keeps it),
   * note references by (note, target), selections by GUID.
   */
  private async planRefi(refi: StudyData['refi'], reusedDocuments: string[]): Promise<StudyData['refi']> {
    const fresh = <T>(items: T[], seen: Set<string>, key: (item: T) => string): T[] =>
      items.filter((item) => {
        const k = key(item);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    if (reusedDocuments.length > 0 && refi.selections.length > 0) {
      const rows = await (this.db as DbOrTrx)
        .selectFrom('study_selection')
        .select('guid')
        .where('study_id', '=', this.studyId as string)
        .where('document_id', 'in', reusedDocuments)
        .execute();
      for (const r of rows) this.existing.selections.add(r.guid);
    }
    const sets = fresh(refi.sets, this.existing.sets, (x) => x.guid);
    const out: StudyData['refi'] = {
      project: refi.project,
      users: fresh(refi.users, this.existing.users, (u) => u.guid),
      selections: fresh(refi.selections, this.existing.selections, (x) => x.guid),
      notes: fresh(refi.notes, this.existing.notes, (n) => n.guid),
      noteRefs: fresh(refi.noteRefs, this.existing.noteRefs, (r) =>
        noteRefKey(r.noteGuid, r.targetKind, r.targetGuid),
      ),
      sets,
    };
    const c = this.refiCounts;
    c.projects += out.project === null ? 0 : 1;
    c.users += out.users.length;
    c.notes += out.notes.length;
    c.noteRefs += out.noteRefs.length;
    c.sets += sets.length;
    c.selections += out.selections.length;
    for (const x of sets) c.setMembers += x.members.length;
    this.positions.users += out.users.length;
    this.positions.notes += out.notes.length;
    this.positions.sets += sets.length;
    this.positions.noteRefs += out.noteRefs.length;
    for (const x of sets) this.positions.setMembers += x.members.length;
    return out;
  }

  /** The same selection coded with the same code twice would double every count: refuse it. */
  private async rejectDuplicateSegments(documentIds: string[], data: StudyData): Promise<void> {
    const rows = await (this.db as DbOrTrx)
      .selectFrom('coded_segment')
      .innerJoin('code', 'code.id', 'coded_segment.code_id')
      .select(['coded_segment.selection_guid as selection', 'code.guid as code'])
      .where('coded_segment.study_id', '=', this.studyId as string)
      .where('coded_segment.document_id', 'in', documentIds)
      .execute();
    if (rows.length === 0) return;
    const existing = new Set(rows.map((r) => `${r.selection}\u0000${r.code}`));
    const clash = data.segments.find((s) => existing.has(`${s.selectionGuid}\u0000${s.codeGuid}`));
    if (clash) {
      throw new StudyInputError(
        'conflict',
        `selection ${clash.selectionGuid} with code ${clash.codeGuid} is already in the study (from another file); import into a new study instead`,
      );
    }
  }
}
