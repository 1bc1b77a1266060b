/** Writing a planned part of an import: its new rows, in the caller's transaction, in batches. */
import { randomUUID } from 'node:crypto';
import type { RowScalar, StudyRowWriter, StudyTable } from '@peerbridge/db';
import { type AuditData, timeOrderedId } from '@peerbridge/study-formats';
import { nowIso } from '../db';
import type { WritePlan } from './import-plan';

const AUDIT_COLUMNS = ['creating_user', 'created_at_source', 'modifying_user', 'modified_at_source'] as const;
const auditValues = (a: AuditData): RowScalar[] => [
  a.creatingUser,
  a.createdAt,
  a.modifyingUser,
  a.modifiedAt,
];

/** Rows per insert call: big enough to be fast, small enough for smooth progress. */
const CHUNK = 5_000;

/**
 * Insert everything `plan` says is new into study `studyId`, `CHUNK` rows per insert call; `onRows` hears
 * how many rows each call wrote. Call inside a transaction.
 */
export async function writeImportRows(
  writer: StudyRowWriter,
  studyId: string,
  plan: WritePlan,
  onRows: (rows: number) => void = () => {},
): Promise<void> {
  const { data } = plan;
  const write = async <T>(
    table: StudyTable,
    columns: readonly string[],
    items: ReadonlyArray<T>,
    row: (item: T) => RowScalar[],
  ) => {
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      await writer.insert(table, columns as never, chunk.map(row));
      onRows(chunk.length);
    }
  };
  const participantId = (ref: string | null) =>
    ref === null ? null : (plan.participantIds.get(ref) ?? null);

  await write(
    'participant',
    ['id', 'study_id', 'external_ref', 'pseudonym', 'setting', 'attributes'],
    plan.newParticipants,
    (p) => [
      plan.participantIds.get(p.ref) as string,
      studyId,
      p.ref,
      p.name,
      p.setting,
      JSON.stringify(p.attributes),
    ],
  );
  await write(
    'document',
    ['id', 'study_id', 'source_guid', 'name', 'text', 'participant_id', 'position'],
    plan.newDocuments,
    (d) => [
      plan.documentIds.get(d.guid) as string,
      studyId,
      d.guid,
      d.name,
      d.text,
      participantId(d.participantRef),
      d.position ?? null,
    ],
  );
  // Parents come before their children in `data.codes` (a depth-first flattening), so the
  // parent_id foreign key holds row by row.
  await write(
    'code',
    [
      'id',
      'study_id',
      'guid',
      'name',
      'parent_id',
      'indicator',
      'is_codable',
      'color',
      'description',
      'position',
    ],
    plan.newCodes,
    (c) => [
      plan.codeIds.get(c.guid) as string,
      studyId,
      c.guid,
      c.name,
      c.parentGuid === null ? null : (plan.codeIds.get(c.parentGuid) ?? null),
      c.indicator,
      c.isCodable ? 1 : 0,
      c.color ?? null,
      c.description ?? null,
      c.position ?? null,
    ],
  );
  await write(
    'coded_segment',
    [
      'id',
      'study_id',
      'document_id',
      'code_id',
      'selection_guid',
      'start_offset',
      'end_offset',
      'coder',
      'created_at_source',
      'coding_guid',
      'coding_user',
    ],
    data.segments,
    (s) => [
      s.id,
      studyId,
      plan.documentIds.get(s.documentGuid) as string,
      plan.codeIds.get(s.codeGuid) as string,
      s.selectionGuid,
      s.start,
      s.end,
      s.coder,
      s.createdAt,
      s.codingGuid ?? null,
      s.codingUser ?? null,
    ],
  );
  await writeRefiRows(write, studyId, plan);
  await write(
    'study_observation',
    [
      'id',
      'study_id',
      'participant_id',
      'indicator',
      'value',
      'observed_at',
      'source',
      'coded_segment_id',
      'document_id',
    ],
    data.observations,
    (o) => [
      o.id,
      studyId,
      plan.participantIds.get(o.participantRef) as string,
      o.indicator,
      o.value,
      o.observedAt,
      o.source,
      o.segmentId,
      o.documentGuid === null ? null : (plan.documentIds.get(o.documentGuid) ?? null),
    ],
  );
}

type Write = <T>(
  table: StudyTable,
  columns: readonly string[],
  items: ReadonlyArray<T>,
  row: (item: T) => RowScalar[],
) => Promise<void>;

/** The REFI-QDA extras of a part: project metadata, users, selections, notes, note references, sets. */
async function writeRefiRows(write: Write, studyId: string, plan: WritePlan): Promise<void> {
  const refi = plan.newRefi;
  const at = plan.positions;
  const project = refi.project;
  await write(
    'study_project',
    ['id', 'study_id', 'name', 'origin', 'description', 'base_path', 'imported_at', ...AUDIT_COLUMNS],
    project === null ? [] : [project],
    (p) => [randomUUID(), studyId, p.name, p.origin, p.description, p.basePath, nowIso(), ...auditValues(p)],
  );
  await write(
    'study_user',
    ['id', 'study_id', 'guid', 'name', 'short_id', 'position'],
    refi.users.map((u, i) => ({ u, position: at.users + i })),
    ({ u, position }) => [randomUUID(), studyId, u.guid, u.name, u.shortId, position],
  );
  await write(
    'study_selection',
    [
      'id',
      'study_id',
      'document_id',
      'guid',
      'start_offset',
      'end_offset',
      'name',
      'description',
      ...AUDIT_COLUMNS,
    ],
    refi.selections,
    // Selections come by the hundred thousand, like segments: time-ordered ids append to the key index.
    (x) => [
      timeOrderedId(),
      studyId,
      plan.documentIds.get(x.documentGuid) as string,
      x.guid,
      x.start,
      x.end,
      x.name,
      x.description,
      ...auditValues(x),
    ],
  );
  await write(
    'study_note',
    ['id', 'study_id', 'guid', 'name', 'description', 'text', 'position', ...AUDIT_COLUMNS],
    refi.notes.map((n, i) => ({ n, position: at.notes + i })),
    ({ n, position }) => [
      randomUUID(),
      studyId,
      n.guid,
      n.name,
      n.description,
      n.text,
      position,
      ...auditValues(n),
    ],
  );
  await write(
    'study_note_ref',
    ['id', 'study_id', 'note_guid', 'target_kind', 'target_guid', 'position'],
    refi.noteRefs.map((r, i) => ({ r, position: at.noteRefs + i })),
    ({ r, position }) => [randomUUID(), studyId, r.noteGuid, r.targetKind, r.targetGuid, position],
  );
  await write(
    'study_set',
    ['id', 'study_id', 'guid', 'name', 'description', 'position'],
    refi.sets.map((x, i) => ({ x, position: at.sets + i })),
    ({ x, position }) => [randomUUID(), studyId, x.guid, x.name, x.description, position],
  );
  const members: { set: string; kind: string; guid: string; position: number }[] = [];
  for (const x of refi.sets)
    for (const m of x.members)
      members.push({ set: x.guid, kind: m.kind, guid: m.guid, position: at.setMembers + members.length });
  await write(
    'study_set_member',
    ['id', 'study_id', 'set_guid', 'member_kind', 'member_guid', 'position'],
    members,
    (m) => [randomUUID(), studyId, m.set, m.kind, m.guid, m.position],
  );
}
