/**
 * `peerbridge import`: a REFI-QDA project, a CSV table or a PeerBridge JSON export into a study, in
 * one transaction (all or nothing). The same file again (same sha256) is a reported no-op, and
 * `--dry-run` reports what would be written without writing.
 */

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import {
  type DatabaseHandle,
  dialectOfUrl,
  migrateToLatest,
  openDatabase,
  withTransaction,
} from '@peerbridge/db';
import { recordCliAudit } from '../audit/record-cli-audit';
import type { CliContext } from '../context';
import { databaseUrlFor } from '../database/open-database';
import { applyPlan } from '../importing/apply-plan';
import { deriveInterviewObservations } from '../importing/derive-observations';
import { type ExistingStudy, emptyExistingStudy, loadExistingStudy } from '../importing/existing-study';
import { sha256OfFile } from '../importing/file-hash';
import { detectInputKind } from '../importing/file-kind';
import { type CsvKind, readCsvStudyData } from '../importing/read-csv';
import { readJsonStudyData } from '../importing/read-json';
import { readRefiProject } from '../importing/read-refi-project';
import { rowWriterFor } from '../importing/row-writer';
import type { OffsetDecisionReport, StudyData, UnmappedCodeReport } from '../importing/study-data';
import { findOrCreateStudy, findStudy, resolveOrganization } from '../importing/study-target';
import { planWrites, type TableCounts } from '../importing/write-plan';
import { loadCodebookIndex } from '../mapping/load-codebook-index';
import { defaultMapping, type MappingFile, readMappingFile } from '../mapping/mapping-file';
import { createProgress, type Progress } from '../output/progress';
import { resolveUserPath } from '../paths/workspace-root';

export interface ImportOptions {
  db?: string | undefined;
  file: string;
  study: string;
  mapping?: string | undefined;
  dryRun: boolean;
  kind?: CsvKind | undefined;
  org?: string | undefined;
  owner?: string | undefined;
}

export interface ImportReport {
  status: 'imported' | 'already_imported' | 'dry_run';
  file: string;
  sha256: string;
  format: StudyData['format'] | null;
  study: { name: string; created: boolean };
  /** Rows written per table (or, with --dry-run, rows that would be written). */
  counts: TableCounts;
  /** Existing participants whose setting and attributes a participants table updated (or would update). */
  participantsUpdated: number;
  offsetDecisions: OffsetDecisionReport[];
  unmappedCodes: UnmappedCodeReport[];
  warnings: string[];
  /** When the same file was imported before. */
  importedAt?: string;
  seconds: number;
  segmentsPerSecond: number;
}

const zeroCounts = (): TableCounts => ({
  participant: 0,
  document: 0,
  code: 0,
  coded_segment: 0,
  study_observation: 0,
});

/** An earlier successful import of the same bytes into the study, if any. */
async function previousRun(handle: DatabaseHandle, studyId: string, sha256: string) {
  return handle.db
    .selectFrom('import_run')
    .select(['finished_at', 'started_at'])
    .where('study_id', '=', studyId)
    .where('file_sha256', '=', sha256)
    .where('status', '=', 'succeeded')
    .executeTakeFirst();
}

async function readInput(
  file: string,
  mapping: MappingFile,
  options: ImportOptions,
  existing: ExistingStudy,
  progress: Progress,
): Promise<StudyData> {
  const kind = await detectInputKind(file);
  let data: StudyData;
  if (kind === 'refi') data = await readRefiProject(file, mapping, progress);
  else if (kind === 'json') data = await readJsonStudyData(file);
  else data = await readCsvStudyData(file, options.kind, existing);
  if (data.format !== 'csv-participants' && data.format !== 'csv-observations') {
    deriveInterviewObservations(data, mapping, await loadCodebookIndex());
  }
  return data;
}

export async function importFile(options: ImportOptions, ctx: CliContext): Promise<ImportReport> {
  const startedAt = performance.now();
  const startedIso = new Date().toISOString();
  const file = resolveUserPath(ctx.cwd, options.file);
  const sha256 = await sha256OfFile(file);
  const mapping =
    options.mapping === undefined
      ? defaultMapping
      : await readMappingFile(resolveUserPath(ctx.cwd, options.mapping));
  const progress = createProgress(ctx.progress, ctx.stderr, ctx.err);
  const studyName = options.study.trim();
  const report = (
    status: ImportReport['status'],
    data: StudyData | null,
    counts: TableCounts,
    created: boolean,
    participantsUpdated = 0,
  ): ImportReport => {
    const seconds = (performance.now() - startedAt) / 1000;
    return {
      status,
      file,
      sha256,
      format: data?.format ?? null,
      study: { name: studyName, created },
      counts,
      participantsUpdated,
      offsetDecisions: data?.offsetDecisions ?? [],
      unmappedCodes: data?.unmappedCodes ?? [],
      warnings: data?.warnings ?? [],
      seconds: Math.round(seconds * 1000) / 1000,
      segmentsPerSecond: seconds > 0 ? Math.round(counts.coded_segment / seconds) : 0,
    };
  };

  const url = databaseUrlFor(options, ctx);
  // A dry run must not create the database file either: with no database there is nothing to compare with.
  if (options.dryRun && dialectOfUrl(url) === 'sqlite' && url !== ':memory:' && !existsSync(url)) {
    const data = await readInput(file, mapping, options, emptyExistingStudy(), progress);
    const plan = await planWrites(null, null, data);
    return report('dry_run', data, plan.counts, true);
  }

  const handle = await openDatabase({ url });
  try {
    if (!options.dryRun) await migrateToLatest(handle);
    const organization = await resolveOrganization(handle.db, options.org);
    const study = await findStudy(handle.db, organization.id, studyName);
    if (study) {
      const previous = await previousRun(handle, study.id, sha256);
      if (previous) {
        return {
          ...report('already_imported', null, zeroCounts(), false),
          importedAt: previous.finished_at ?? previous.started_at,
        };
      }
    }
    const existing = study ? await loadExistingStudy(handle.db, study.id) : emptyExistingStudy();
    // Parse before the transaction: the write lock is held only while rows are written.
    const data = await readInput(file, mapping, options, existing, progress);
    if (options.dryRun) {
      const plan = await planWrites(handle.db, study?.id ?? null, data);
      return report('dry_run', data, plan.counts, study === undefined, plan.updatedParticipants.length);
    }
    return await withTransaction(handle.db, async (trx) => {
      const target = await findOrCreateStudy(trx, {
        study: studyName,
        org: organization.id,
        owner: options.owner,
      });
      const plan = await planWrites(trx, target.existed ? target.id : null, data);
      await applyPlan(rowWriterFor(handle, trx), target.id, plan, progress);
      for (const p of plan.updatedParticipants) {
        await trx
          .updateTable('participant')
          .set({ setting: p.setting, attributes: JSON.stringify(p.attributes) })
          .where('id', '=', plan.participantIds.get(p.ref) as string)
          .execute();
      }
      const result = report('imported', data, plan.counts, !target.existed, plan.updatedParticipants.length);
      await recordCliAudit(trx, {
        organizationId: target.organizationId,
        action: 'study.import',
        entityType: 'study',
        entityId: target.id,
        details: {
          file: basename(file),
          sha256,
          format: data.format,
          counts: result.counts,
          created: !target.existed,
        },
      });
      await trx
        .insertInto('import_run')
        .values({
          id: randomUUID(),
          study_id: target.id,
          file_name: basename(file),
          file_sha256: sha256,
          format: data.format,
          status: 'succeeded',
          started_at: startedIso,
          finished_at: new Date().toISOString(),
          report: JSON.stringify({
            counts: result.counts,
            unmappedCodes: result.unmappedCodes,
            warnings: result.warnings,
          }),
        })
        .execute();
      return result;
    });
  } finally {
    await handle.destroy();
  }
}

export function renderImport(result: ImportReport, ctx: CliContext): string {
  const { out } = ctx;
  if (result.status === 'already_imported') {
    return `${out.yellow('Already imported')}: ${basename(result.file)} (sha256 ${result.sha256.slice(0, 12)}...) is in study "${result.study.name}" since ${result.importedAt}; nothing written.`;
  }
  const head =
    result.status === 'dry_run'
      ? `${out.yellow('Dry run')}: nothing written. Importing ${basename(result.file)} into ${result.study.created ? 'new ' : ''}study "${result.study.name}" would write:`
      : `${out.green('Imported')} ${basename(result.file)} into ${result.study.created ? 'new ' : ''}study "${result.study.name}" in ${result.seconds}s (${result.segmentsPerSecond.toLocaleString('en')} segments/s):`;
  const lines = [head];
  for (const [table, count] of Object.entries(result.counts))
    lines.push(`  ${table.padEnd(18)} ${count.toLocaleString('en').padStart(9)}`);
  if (result.participantsUpdated > 0)
    lines.push(`  (and ${result.participantsUpdated} existing participant(s) updated)`);
  if (result.offsetDecisions.length > 0) {
    lines.push('Offsets:');
    for (const d of result.offsetDecisions) {
      lines.push(
        `  ${d.document}: ${d.convention ?? 'not decided'}${d.ambiguous ? out.yellow(' (ambiguous)') : ''} - ${d.reason}`,
      );
    }
  }
  if (result.unmappedCodes.length > 0) {
    lines.push(`Unmapped codes (kept, no observations): ${result.unmappedCodes.length}`);
    for (const c of result.unmappedCodes)
      lines.push(`  ${c.name} (${c.segments} segment${c.segments === 1 ? '' : 's'})`);
  }
  if (result.warnings.length > 0) {
    lines.push(out.yellow(`Warnings: ${result.warnings.length}`));
    for (const w of result.warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n');
}
