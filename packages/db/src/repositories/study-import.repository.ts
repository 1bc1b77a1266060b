/**
 * Bulk writes of an imported study (participants, documents, codes, coded segments, study
 * observations) and the import runs that make a re-import of the same file detectable.
 * Rows carry ids made by the caller, so they can reference each other before insert.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { UnitSetting } from '../tables/organization.table';
import type { ImportRunStatus, StudyObservationSource } from '../tables/study.table';
import { withTransaction } from '../transaction';
import { assertStudyInOrganization } from './study.repository';
import { type RowScalar, type StudyTable, studyRowWriter } from './study-row-writer';
import { nowTimestamp } from './timestamps';

export interface ImportRunRecord {
  id: string;
  studyId: string;
  fileName: string;
  fileSha256: string;
  format: string;
  status: ImportRunStatus;
  startedAt: string;
  finishedAt: string | null;
  report: Record<string, unknown>;
}

export interface ParticipantInput {
  id: string;
  externalRef: string;
  pseudonym: string;
  setting?: UnitSetting | null;
  attributes?: Record<string, unknown>;
}

export interface DocumentInput {
  id: string;
  sourceGuid: string;
  name: string;
  text: string;
  participantId?: string | null;
}

export interface CodeInput {
  id: string;
  guid: string;
  name: string;
  parentId?: string | null;
  indicator?: string | null;
  isCodable?: boolean;
}

export interface CodedSegmentInput {
  id: string;
  documentId: string;
  codeId: string;
  selectionGuid: string;
  startOffset: number;
  endOffset: number;
  coder?: string | null;
  createdAtSource?: string | null;
}

export interface StudyObservationInput {
  id: string;
  participantId: string;
  indicator: string;
  value: number | boolean;
  observedAt: string;
  source?: StudyObservationSource;
  codedSegmentId?: string | null;
  documentId?: string | null;
}

const runColumns = [
  'id',
  'study_id as studyId',
  'file_name as fileName',
  'file_sha256 as fileSha256',
  'format',
  'status',
  'started_at as startedAt',
  'finished_at as finishedAt',
  'report',
] as const;

function parseRun(row: Omit<ImportRunRecord, 'report'> & { report: string }): ImportRunRecord {
  return { ...row, report: JSON.parse(row.report) as Record<string, unknown> };
}

/** Rows as objects through the one study row writer (tuples in `columns` order). */
function writeObjects<T extends StudyTable>(
  db: Kysely<Database>,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  rows: ReadonlyArray<Partial<Record<keyof Database[T] & string, RowScalar>>>,
): Promise<number> {
  if (rows.length === 0) return Promise.resolve(0);
  return studyRowWriter(db).insert(
    table,
    columns,
    rows.map((row) => columns.map((c) => row[c] ?? null)),
  );
}

/** The earlier import of the same file (by SHA-256) into this study, if there was one. */
export async function findImportRun(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
  fileSha256: string,
): Promise<ImportRunRecord | null> {
  const row = await db
    .selectFrom('import_run')
    .innerJoin('study', 'study.id', 'import_run.study_id')
    .select(runColumns.map((c) => `import_run.${c}` as `import_run.${typeof c}`))
    .where('study.organization_id', '=', organizationId)
    .where('import_run.study_id', '=', studyId)
    .where('import_run.file_sha256', '=', fileSha256)
    .executeTakeFirst();
  return row ? parseRun(row) : null;
}

export async function listImportRuns(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
): Promise<ImportRunRecord[]> {
  const rows = await db
    .selectFrom('import_run')
    .innerJoin('study', 'study.id', 'import_run.study_id')
    .select(runColumns.map((c) => `import_run.${c}` as `import_run.${typeof c}`))
    .where('study.organization_id', '=', organizationId)
    .where('import_run.study_id', '=', studyId)
    .orderBy('import_run.started_at')
    .orderBy('import_run.id')
    .execute();
  return rows.map(parseRun);
}

export async function startImportRun(
  db: Kysely<Database>,
  organizationId: string,
  input: { id: string; studyId: string; fileName: string; fileSha256: string; format: string },
): Promise<ImportRunRecord> {
  await assertStudyInOrganization(db, organizationId, input.studyId);
  const record: ImportRunRecord = {
    ...input,
    status: 'running',
    startedAt: nowTimestamp(),
    finishedAt: null,
    report: {},
  };
  await db
    .insertInto('import_run')
    .values({
      id: record.id,
      study_id: record.studyId,
      file_name: record.fileName,
      file_sha256: record.fileSha256,
      format: record.format,
      status: record.status,
      started_at: record.startedAt,
      report: '{}',
    })
    .execute();
  return record;
}

export async function finishImportRun(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
  runId: string,
  outcome: { status: 'succeeded' | 'failed'; report: Record<string, unknown> },
): Promise<void> {
  await assertStudyInOrganization(db, organizationId, studyId);
  await db
    .updateTable('import_run')
    .set({ status: outcome.status, finished_at: nowTimestamp(), report: JSON.stringify(outcome.report) })
    .where('study_id', '=', studyId)
    .where('id', '=', runId)
    .execute();
}

export async function insertParticipants(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
  rows: readonly ParticipantInput[],
): Promise<number> {
  await assertStudyInOrganization(db, organizationId, studyId);
  return writeObjects(
    db,
    'participant',
    ['id', 'study_id', 'external_ref', 'pseudonym', 'setting', 'attributes'],
    rows.map((r) => ({
      id: r.id,
      study_id: studyId,
      external_ref: r.externalRef,
      pseudonym: r.pseudonym,
      setting: r.setting ?? null,
      attributes: JSON.stringify(r.attributes ?? {}),
    })),
  );
}

export async function insertDocuments(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
  rows: readonly DocumentInput[],
): Promise<number> {
  await assertStudyInOrganization(db, organizationId, studyId);
  return writeObjects(
    db,
    'document',
    ['id', 'study_id', 'source_guid', 'name', 'text', 'participant_id'],
    rows.map((r) => ({
      id: r.id,
      study_id: studyId,
      source_guid: r.sourceGuid,
      name: r.name,
      text: r.text,
      participant_id: r.participantId ?? null,
    })),
  );
}

/** Orders codes so every parent comes before its children (the foreign key is checked per statement). */
function parentsFirst(rows: readonly CodeInput[]): CodeInput[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const placed = new Set<string>();
  const ordered: CodeInput[] = [];
  const place = (row: CodeInput, trail: Set<string>) => {
    if (placed.has(row.id)) return;
    if (trail.has(row.id)) throw new Error(`Code ${row.guid} (${row.name}) is its own ancestor`);
    trail.add(row.id);
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (parent) place(parent, trail);
    placed.add(row.id);
    ordered.push(row);
  };
  for (const row of rows) place(row, new Set());
  return ordered;
}

export async function insertCodes(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
  rows: readonly CodeInput[],
): Promise<number> {
  await assertStudyInOrganization(db, organizationId, studyId);
  return writeObjects(
    db,
    'code',
    ['id', 'study_id', 'guid', 'name', 'parent_id', 'indicator', 'is_codable'],
    parentsFirst(rows).map((r) => ({
      id: r.id,
      study_id: studyId,
      guid: r.guid,
      name: r.name,
      parent_id: r.parentId ?? null,
      indicator: r.indicator ?? null,
      is_codable: r.isCodable === false ? 0 : 1,
    })),
  );
}

export async function insertCodedSegments(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
  rows: readonly CodedSegmentInput[],
): Promise<number> {
  await assertStudyInOrganization(db, organizationId, studyId);
  return writeObjects(
    db,
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
    rows.map((r) => ({
      id: r.id,
      study_id: studyId,
      document_id: r.documentId,
      code_id: r.codeId,
      selection_guid: r.selectionGuid,
      start_offset: r.startOffset,
      end_offset: r.endOffset,
      coder: r.coder ?? null,
      created_at_source: r.createdAtSource ?? null,
    })),
  );
}

export async function insertStudyObservations(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
  rows: readonly StudyObservationInput[],
): Promise<number> {
  await assertStudyInOrganization(db, organizationId, studyId);
  return writeObjects(
    db,
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
    rows.map((r) => ({
      id: r.id,
      study_id: studyId,
      participant_id: r.participantId,
      indicator: r.indicator,
      value: typeof r.value === 'boolean' ? (r.value ? 1 : 0) : r.value,
      observed_at: r.observedAt,
      source: r.source ?? 'interview',
      coded_segment_id: r.codedSegmentId ?? null,
      document_id: r.documentId ?? null,
    })),
  );
}

export interface StudyImportBundle {
  run: { id: string; fileName: string; fileSha256: string; format: string };
  participants: readonly ParticipantInput[];
  documents: readonly DocumentInput[];
  codes: readonly CodeInput[];
  segments: readonly CodedSegmentInput[];
  observations: readonly StudyObservationInput[];
  /** Extra facts for the run's report (warnings, mapping used). */
  report?: Record<string, unknown>;
}

export type StudyImportResult =
  | {
      status: 'imported';
      runId: string;
      counts: {
        participants: number;
        documents: number;
        codes: number;
        segments: number;
        observations: number;
      };
    }
  | { status: 'duplicate'; runId: string; importedAt: string };

/**
 * Writes a whole import in one transaction: all of it, or nothing. The same file (by SHA-256)
 * imported again into the same study is reported as a duplicate and writes nothing.
 */
export async function writeStudyImport(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
  bundle: StudyImportBundle,
): Promise<StudyImportResult> {
  return withTransaction(db, async (trx) => {
    const earlier = await findImportRun(trx, organizationId, studyId, bundle.run.fileSha256);
    if (earlier) return { status: 'duplicate', runId: earlier.id, importedAt: earlier.startedAt };
    await startImportRun(trx, organizationId, { ...bundle.run, studyId });
    const counts = {
      participants: await insertParticipants(trx, organizationId, studyId, bundle.participants),
      documents: await insertDocuments(trx, organizationId, studyId, bundle.documents),
      codes: await insertCodes(trx, organizationId, studyId, bundle.codes),
      segments: await insertCodedSegments(trx, organizationId, studyId, bundle.segments),
      observations: await insertStudyObservations(trx, organizationId, studyId, bundle.observations),
    };
    await finishImportRun(trx, organizationId, studyId, bundle.run.id, {
      status: 'succeeded',
      report: { ...bundle.report, counts },
    });
    return { status: 'imported', runId: bundle.run.id, counts };
  });
}
