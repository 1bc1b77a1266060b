/** Writing a planned part of an import: its new rows, in the caller's transaction, in batches. */
import type { RowScalar, StudyRowWriter, StudyTable } from '@peerbridge/db';
import type { WritePlan } from './import-plan';

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
    ['id', 'study_id', 'source_guid', 'name', 'text', 'participant_id'],
    plan.newDocuments,
    (d) => [
      plan.documentIds.get(d.guid) as string,
      studyId,
      d.guid,
      d.name,
      d.text,
      participantId(d.participantRef),
    ],
  );
  // Parents come before their children in `data.codes` (a depth-first flattening), so the
  // parent_id foreign key holds row by row.
  await write(
    'code',
    ['id', 'study_id', 'guid', 'name', 'parent_id', 'indicator', 'is_codable'],
    plan.newCodes,
    (c) => [
      plan.codeIds.get(c.guid) as string,
      studyId,
      c.guid,
      c.name,
      c.parentGuid === null ? null : (plan.codeIds.get(c.parentGuid) ?? null),
      c.indicator,
      c.isCodable ? 1 : 0,
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
    ],
  );
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
