/**
 * Importing a study file (REFI-QDA .qdpx/.qde, CSV, PeerBridge JSON, a .txt or .docx transcript) for a researcher: a preview (dry
 * run) that writes nothing, or a commit that writes every row in one transaction (all or nothing; on
 * SQLite the rows are staged in a private file first, so the write lock is held only for the copy,
 * ADR 0014). The same bytes imported again into the study are a reported no-op. The one import
 * pipeline of the CLI, the API and the portal.
 */
import { basename } from 'node:path';
import { openStudyStaging, type StudyRowWriter, studyRowWriter } from '@peerbridge/db';
import { type CoderFrom, type ReadPhaseTimes, zeroReadPhaseTimes } from '@peerbridge/refi-qda';
import {
  type CoderSegments,
  type CsvKind,
  defaultMapping,
  detectInputKind,
  type ExistingStudy,
  emptyExistingStudy,
  type InputKind,
  type MappingFile,
  mappingFileSchema,
  type OffsetDecisionReport,
  type Progress,
  readCsvStudyData,
  readJsonStudyData,
  readPlainSource,
  readRefiProject,
  type StudyData,
  StudyInputError,
  sha256OfFile,
  silentProgress,
  streamRefiProject,
  type UnmappedCodeReport,
} from '@peerbridge/study-formats';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, type DbOrTrx, newId, nowIso } from '../db';
import { InterviewObservations } from './derive-observations';
import { loadExistingStudy } from './existing-study';
import {
  ImportPlanner,
  type RefiCounts,
  type TableCounts,
  type WritePlan,
  zeroCounts,
  zeroRefiCounts,
} from './import-plan';
import { loadCodebookIndex } from './load-codebook-index';
import { pseudonymizeStudyData } from './pseudonymize-study-data';
import type { PseudonymizationReport } from './study-pseudonymization';
import { findOrCreateOwnStudy, findOwnStudy, type StudyTarget } from './study-target';
import { writeImportRows } from './write-import-rows';

export interface ImportStudyInput {
  /** The file to read (the CLI's argument, or the API's upload spooled to a temporary file). */
  file: string;
  /** The name recorded for the file (default: the file's base name). */
  fileName?: string | undefined;
  /** The study to import into; created (owned by the actor) when missing. */
  study: string;
  /** The mapping to read with (default: the study's saved mapping, else the default mapping). */
  mapping?: MappingFile | undefined;
  /** On commit, save `mapping` as the study's mapping, for its later imports (the portal's mapping editor). */
  saveMapping?: boolean | undefined;
  /** What a CSV holds (default: from its header). */
  kind?: CsvKind | undefined;
  /** Preview: read, plan and count, write nothing. */
  dryRun?: boolean | undefined;
  /** Where the call came from, kept in the audit event (e.g. `cli`). */
  via?: string | undefined;
  /**
   * Pseudonymise before anything is written (ADR 0022): names become keyed pseudonyms under this key,
   * only the mapping's `allowVariables` stay, known names are redacted in the texts. The key is not stored.
   */
  pseudonymKey?: Uint8Array | null | undefined;
  /** Report where the time went (`ImportStudyReport.timings`). */
  timings?: boolean | undefined;
  /**
   * REFI-QDA: whom a coded selection is credited to. `coding` (the default): the coding's user, else the
   * selection's; `selection`: the selection's user, else the coding's.
   */
  coderFrom?: CoderFrom | undefined;
}

/**
 * Where an import spent its time, in milliseconds (issue 10). `unzip`, `xml`, `offsets` and `schema` are the REFI-QDA
 * read (see `ReadPhaseTimes`; zero for CSV and JSON, whose whole read is in `plan`); `plan` derives the
 * observations and decides which rows are new; `rows` writes them (to the staging file on SQLite); `commit`
 * copies them into the study and records the import; `total` is the whole call, `hash` included.
 */
export interface ImportTimings extends ReadPhaseTimes {
  hash: number;
  plan: number;
  rows: number;
  commit: number;
  total: number;
}

export interface ImportStudyReport {
  status: 'imported' | 'already_imported' | 'dry_run';
  sha256: string;
  format: StudyData['format'] | null;
  study: { name: string; created: boolean };
  /** Rows written per table (or, in a preview, rows that would be written). */
  counts: TableCounts;
  /** Existing participants whose setting and attributes a participants table updated (or would update). */
  participantsUpdated: number;
  offsetDecisions: OffsetDecisionReport[];
  unmappedCodes: UnmappedCodeReport[];
  warnings: string[];
  /** REFI-QDA: what was (or would be) kept beyond segments: project metadata, users, notes, sets, selections. */
  kept: RefiCounts;
  /** REFI-QDA: coded segments per coder under the coder rule (empty for CSV and JSON). */
  coders: CoderSegments[];
  /** When the same file was imported before. */
  importedAt?: string;
  /** With a pseudonymKey: what was dropped and how many names were redacted. */
  pseudonymization?: PseudonymizationReport;
  /** With `timings`: where the time went. */
  timings?: ImportTimings;
}

export { zeroCounts };

/** Formats whose coded segments give interview observations. */
const derivesObservations = (format: StudyData['format']) =>
  format !== 'csv-participants' && format !== 'csv-observations';

/** What reading the whole file found, besides its rows. */
interface ReadSummary {
  format: StudyData['format'];
  offsetDecisions: OffsetDecisionReport[];
  warnings: string[];
  coders: CoderSegments[];
  /** With a pseudonymKey: the pseudonymisation of the whole file. */
  privacy?: ReturnType<typeof pseudonymizeStudyData>;
}

/** A file that is read whole, as one part: a CSV table, a study JSON, or a transcript (.txt, .docx). */
async function readWholeFile(
  kind: Exclude<InputKind, 'refi'>,
  input: ImportStudyInput,
  existing: () => Promise<ExistingStudy>,
): Promise<StudyData> {
  if (kind === 'json') return readJsonStudyData(input.file);
  // A transcript becomes one document named after the file as it was given (an upload keeps its name).
  if (kind === 'text' || kind === 'docx')
    return readPlainSource(input.file, kind, input.fileName ?? basename(input.file));
  return readCsvStudyData(input.file, input.kind, await existing());
}

/**
 * Read `input.file` and hand its data to `onPart` in parts: a REFI-QDA project streams (a header part, then
 * one part per source, each awaited before the file is read further); CSV and JSON come as one part.
 */
async function readParts(
  input: ImportStudyInput,
  mapping: MappingFile,
  existing: () => Promise<ExistingStudy>,
  progress: Progress,
  onPart: (part: StudyData) => Promise<void>,
  times: ReadPhaseTimes,
): Promise<ReadSummary> {
  const kind = await detectInputKind(input.file);
  if (input.pseudonymKey) {
    // Redaction needs every name of the project (cases, documents, coders) before the first text is
    // written, so a pseudonymised import reads the file whole, then goes on as one part (ADR 0022).
    const plain =
      kind === 'refi'
        ? await readRefiProject(input.file, mapping, progress, { coderFrom: input.coderFrom })
        : await readWholeFile(kind, input, existing);
    const privacy = pseudonymizeStudyData(plain, input.pseudonymKey, {
      allowVariables: mapping.allowVariables,
    });
    await onPart(privacy.data);
    return {
      format: privacy.data.format,
      offsetDecisions: privacy.data.offsetDecisions,
      warnings: privacy.data.warnings,
      // Per-coder counts name the coders: a pseudonymised import reports the total only.
      coders:
        privacy.data.segments.length > 0
          ? [{ user: null, name: null, segments: privacy.data.segments.length }]
          : [],
      privacy,
    };
  }
  if (kind === 'refi')
    return streamRefiProject(input.file, mapping, progress, onPart, { times, coderFrom: input.coderFrom });
  const data = await readWholeFile(kind, input, existing);
  await onPart(data);
  return { format: data.format, offsetDecisions: data.offsetDecisions, warnings: data.warnings, coders: [] };
}

/** What an import (or its preview) did, over all parts. */
interface ImportOutcome {
  read: ReadSummary;
  counts: TableCounts;
  kept: RefiCounts;
  participantsUpdated: number;
  unmappedCodes: UnmappedCodeReport[];
  warnings: string[];
}

/**
 * The one import pipeline, part by part: derive the part's observations, plan its rows against the study
 * (`studyId`, null for a new one), and hand the plan to `write` (null: a preview, nothing written). Only ids,
 * counts and the report outlive a part, so memory does not grow with the sources or their segments.
 */
async function runImport(
  db: DbOrTrx | null,
  studyId: string | null,
  input: ImportStudyInput,
  progress: Progress,
  write: ((plan: WritePlan) => Promise<void>) | null,
  times: ImportTimings,
): Promise<ImportOutcome> {
  const mapping = input.mapping ?? defaultMapping;
  const planner = await ImportPlanner.open(db, studyId);
  const observations = new InterviewObservations(mapping, await loadCodebookIndex());
  const existing = () =>
    db !== null && studyId !== null ? loadExistingStudy(db, studyId) : Promise.resolve(emptyExistingStudy());
  const read = await readParts(
    input,
    mapping,
    existing,
    progress,
    async (part) => {
      const planning = performance.now();
      if (derivesObservations(part.format)) observations.derive(part);
      const plan = await planner.plan(part);
      const writing = performance.now();
      times.plan += writing - planning;
      if (write) await write(plan);
      times.rows += performance.now() - writing;
    },
    times,
  );
  const derived = derivesObservations(read.format)
    ? observations.finish()
    : { unmappedCodes: [], warnings: [] };
  const warnings = [...read.warnings];
  for (const w of derived.warnings) warnings.push(w);
  return {
    read,
    counts: planner.counts,
    kept: planner.refiCounts,
    participantsUpdated: planner.updatedParticipants,
    unmappedCodes: derived.unmappedCodes,
    warnings,
  };
}

/** The timings of one call: filled as it goes, rounded when the report is made. */
class ImportClock {
  readonly times: ImportTimings = { hash: 0, ...zeroReadPhaseTimes(), plan: 0, rows: 0, commit: 0, total: 0 };
  private readonly started = performance.now();

  constructor(readonly wanted: boolean) {}

  /** Run `work`, adding its time to `phase`. */
  async time<T>(phase: 'hash' | 'commit', work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.times[phase] += performance.now() - started;
    }
  }

  finish(): ImportTimings {
    this.times.total = performance.now() - this.started;
    const out = { ...this.times };
    for (const key of Object.keys(out) as (keyof ImportTimings)[]) out[key] = Math.round(out[key]);
    return out;
  }
}

/** The report with its timings complete (the report is made inside the transaction, before the commit). */
function withTimings(report: ImportStudyReport, clock: ImportClock): ImportStudyReport {
  return clock.wanted ? { ...report, timings: clock.finish() } : report;
}

function reportOf(
  status: ImportStudyReport['status'],
  sha256: string,
  studyName: string,
  outcome: ImportOutcome | null,
  created: boolean,
  clock: ImportClock,
): ImportStudyReport {
  const privacy = outcome?.read.privacy;
  return {
    ...(privacy ? { pseudonymization: privacy.report } : {}),
    ...(clock.wanted ? { timings: clock.finish() } : {}),
    status,
    sha256,
    format: outcome?.read.format ?? null,
    study: { name: studyName, created },
    counts: outcome?.counts ?? zeroCounts(),
    kept: outcome?.kept ?? zeroRefiCounts(),
    participantsUpdated: outcome?.participantsUpdated ?? 0,
    offsetDecisions: outcome?.read.offsetDecisions ?? [],
    unmappedCodes: outcome?.unmappedCodes ?? [],
    warnings: outcome?.warnings ?? [],
    coders: outcome?.read.coders ?? [],
  };
}

/**
 * A preview of a file with no database to compare with (a CLI dry run before the database exists):
 * everything would be new. Reads only the caller's own file.
 */
export async function previewStudyFile(
  input: ImportStudyInput,
  progress: Progress = silentProgress,
): Promise<ImportStudyReport> {
  const clock = new ImportClock(input.timings === true);
  const sha256 = await clock.time('hash', () => sha256OfFile(input.file));
  const outcome = await runImport(null, null, input, progress, null, clock.times);
  return reportOf('dry_run', sha256, input.study.trim(), outcome, true, clock);
}

/** A participant's setting and attributes as a CSV table updates them. */
type ParticipantUpdate = WritePlan['updatedParticipants'][number];

/** Apply the participant updates of an import inside its transaction. */
async function applyParticipantUpdates(
  trx: DbOrTrx,
  updates: readonly { id: string; update: ParticipantUpdate }[],
): Promise<void> {
  for (const { id, update } of updates) {
    await trx
      .updateTable('participant')
      .set({ setting: update.setting, attributes: JSON.stringify(update.attributes) })
      .where('id', '=', id)
      .execute();
  }
}

/** Write one planned part: its rows in batches; participant updates are kept for the commit. */
async function writePart(
  writer: StudyRowWriter,
  studyId: string,
  plan: WritePlan,
  progress: Progress,
  updates: { id: string; update: ParticipantUpdate }[],
): Promise<void> {
  // A whole CSV or JSON file is one part: show its rows; a REFI-QDA project shows the XML read instead.
  const rowProgress = plan.data.format !== 'qdpx' && plan.data.format !== 'qde';
  let done = 0;
  if (rowProgress) {
    progress.start(
      'writing rows',
      Object.values(plan.counts).reduce((a, b) => a + b, 0),
    );
  }
  await writeImportRows(writer, studyId, plan, (rows) => {
    done += rows;
    if (rowProgress) progress.update(done);
  });
  if (rowProgress) progress.finish();
  for (const p of plan.updatedParticipants)
    updates.push({ id: plan.participantIds.get(p.ref) as string, update: p });
}

/** The mapping the owner saved with the study (a portal import), or undefined for the default. */
export function savedMappingOf(study: { mapping: string | null } | undefined): MappingFile | undefined {
  return study?.mapping == null ? undefined : mappingFileSchema.parse(JSON.parse(study.mapping));
}

/** Preview or commit an import of `input.file` into the actor's study. */
export async function importStudy(
  db: Db,
  actor: Actor,
  given: ImportStudyInput,
  progress: Progress = silentProgress,
): Promise<ImportStudyReport> {
  requireRole(actor, 'researcher');
  const startedAt = nowIso();
  const clock = new ImportClock(given.timings === true);
  const sha256 = await clock.time('hash', () => sha256OfFile(given.file));
  const studyName = given.study.trim();
  const fileName = given.fileName ?? basename(given.file);
  const study = await findOwnStudy(db, actor, studyName);
  const input: ImportStudyInput = { ...given, mapping: given.mapping ?? savedMappingOf(study) };
  if (study) {
    const previous = await db
      .selectFrom('import_run')
      .select(['finished_at', 'started_at'])
      .where('study_id', '=', study.id)
      .where('file_sha256', '=', sha256)
      .where('status', '=', 'succeeded')
      .executeTakeFirst();
    if (previous) {
      return {
        ...reportOf('already_imported', sha256, studyName, null, false, clock),
        importedAt: previous.finished_at ?? previous.started_at,
      };
    }
  }
  if (input.dryRun) {
    const outcome = await runImport(db, study?.id ?? null, input, progress, null, clock.times);
    return reportOf('dry_run', sha256, studyName, outcome, study === undefined, clock);
  }
  const staging = openStudyStaging(db);
  const commit = async (
    trx: DbOrTrx,
    target: StudyTarget,
    outcome: ImportOutcome,
    updates: readonly { id: string; update: ParticipantUpdate }[],
  ): Promise<ImportStudyReport> => {
    await applyParticipantUpdates(trx, updates);
    if (input.saveMapping && input.mapping !== undefined) {
      await trx
        .updateTable('study')
        .set({ mapping: JSON.stringify(input.mapping) })
        .where('id', '=', target.id)
        .execute();
    }
    const result = reportOf('imported', sha256, studyName, outcome, !target.existed, clock);
    // The imported file's name often names the project's people: a pseudonymised import keeps its pseudonym.
    const recordedName = outcome.read.privacy?.fileName(fileName) ?? fileName;
    await recordAudit(trx, actor, {
      action: 'study.import',
      entityType: 'study',
      entityId: target.id,
      details: {
        ...(input.via === undefined ? {} : { via: input.via }),
        file: recordedName,
        ...(outcome.read.privacy ? { pseudonymized: true } : {}),
        sha256,
        format: outcome.read.format,
        counts: result.counts,
        created: !target.existed,
      },
    });
    await trx
      .insertInto('import_run')
      .values({
        id: newId(),
        study_id: target.id,
        file_name: recordedName,
        file_sha256: sha256,
        format: outcome.read.format,
        status: 'succeeded',
        started_at: startedAt,
        finished_at: nowIso(),
        report: JSON.stringify({
          // The study page says "no notes kept (pseudonymised)" from this (ADR 0044).
          ...(outcome.read.privacy ? { pseudonymized: true } : {}),
          counts: result.counts,
          kept: result.kept,
          coders: result.coders,
          unmappedCodes: result.unmappedCodes,
          warnings: result.warnings,
        }),
      })
      .execute();
    return result;
  };
  if (staging === null) {
    // PostgreSQL locks rows, not the database: read and write in the one transaction, each source's
    // rows written as it is read; any error (a corrupt source late in the file) rolls every row back.
    let committing = 0;
    const report = await db.transaction().execute(async (trx) => {
      const target = await findOrCreateOwnStudy(trx, actor, studyName);
      const writer = studyRowWriter(trx);
      const updates: { id: string; update: ParticipantUpdate }[] = [];
      const outcome = await runImport(
        trx,
        target.existed ? target.id : null,
        input,
        progress,
        (plan) => writePart(writer, target.id, plan, progress, updates),
        clock.times,
      );
      // From here on the import completes: an interrupt no longer stops it (the CLI says so).
      progress.start('committing', 1);
      committing = performance.now();
      return commit(trx, target, outcome, updates);
    });
    clock.times.commit += performance.now() - committing;
    progress.finish();
    return withTimings(report, clock);
  }
  // SQLite has one writer at a time: read and plan into a private staging file holding no lock, then
  // copy the rows in one short transaction (ADR 0014). An error or interrupt before that leaves nothing.
  try {
    const plannedId = study?.id ?? newId();
    const updates: { id: string; update: ParticipantUpdate }[] = [];
    const outcome = await runImport(
      db,
      study?.id ?? null,
      input,
      progress,
      (plan) => writePart(staging.writer, plannedId, plan, progress, updates),
      clock.times,
    );
    // From here on the import completes: an interrupt no longer stops it (the CLI says so).
    progress.start('committing', staging.rows);
    const committing = performance.now();
    const report = await staging.commit((copy) =>
      db.transaction().execute(async (trx) => {
        const target = await findOrCreateOwnStudy(trx, actor, studyName, plannedId);
        if (target.id !== plannedId || target.existed !== (study !== undefined))
          throw new StudyInputError(
            'conflict',
            `study "${studyName}" was created by another import meanwhile; nothing was imported, run the import again`,
          );
        await copy(trx);
        return commit(trx, target, outcome, updates);
      }),
    );
    clock.times.commit += performance.now() - committing;
    progress.finish();
    return withTimings(report, clock);
  } finally {
    staging.discard();
  }
}
