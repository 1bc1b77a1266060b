/**
 * The researcher's study view: their studies, and per study the cohort summary, code co-occurrence and
 * inter-coder agreement, computed by the domain's analytics from the imported material. Only the
 * study's owner reaches it. Participants are keyed by row id; the labels they were imported under
 * are returned as `originalLabels` (the study owner's view; they are pseudonyms only when the study
 * was imported with `--pseudonymize`, ADR 0022). Supervision data is never read here.
 */
import type {
  CodeAgreement,
  CodedSegment,
  CohortSummary,
  CoOccurrenceRow,
  Observation,
  TextUnit,
} from '@peerbridge/domain';
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import { type Db, todayIso } from '../db';
import { parseServiceInput } from '../errors';
import { toObservation } from '../evidence/observation-rows';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { asOfSchema, idSchema } from '../schemas';
import { type AnalysisRunner, inProcessAnalysis } from './analysis-runner';
import { loadOwnStudy } from './study-access';

export interface StudyListEntry {
  id: string;
  name: string;
  createdAt: string;
  participants: number;
  documents: number;
  segments: number;
}

/** Studies per page: 50 by default, at most 200. */
const studiesPageInput = z.object({
  /** Just this study (when the researcher owns it): the study page's header. */
  studyId: idSchema.optional(),
  ...pageFields(50, 200),
});
export const listStudiesInput = studiesPageInput.optional();

export async function listStudies(
  db: Db,
  actor: Actor,
  input?: z.input<typeof listStudiesInput>,
): Promise<Page<StudyListEntry>> {
  requireRole(actor, 'researcher');
  const { limit, cursor, studyId } = parseServiceInput(studiesPageInput, input ?? {});
  const after = cursor ? decodeCursor(cursor, ['string', 'string'] as const) : null;
  let query = db
    .selectFrom('study as s')
    .select([
      's.id',
      's.name',
      's.created_at',
      (eb) =>
        eb
          .selectFrom('participant as p')
          .whereRef('p.study_id', '=', 's.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('participants'),
      (eb) =>
        eb
          .selectFrom('document as d')
          .whereRef('d.study_id', '=', 's.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('documents'),
      (eb) =>
        eb
          .selectFrom('coded_segment as c')
          .whereRef('c.study_id', '=', 's.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('segments'),
    ])
    .where('s.organization_id', '=', actor.organizationId)
    .where('s.owner_user_id', '=', actor.userId);
  if (studyId !== undefined) query = query.where('s.id', '=', studyId);
  if (after) {
    const [createdAt, id] = after;
    query = query.where((eb) =>
      eb.or([
        eb('s.created_at', '<', createdAt),
        eb.and([eb('s.created_at', '=', createdAt), eb('s.id', '<', id)]),
      ]),
    );
  }
  const studies = await query
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(
    studies,
    limit,
    (s) => [s.created_at, s.id],
    (s) => ({
      id: s.id,
      name: s.name,
      createdAt: s.created_at,
      participants: Number(s.participants ?? 0),
      documents: Number(s.documents ?? 0),
      segments: Number(s.segments ?? 0),
    }),
  );
}

export const studyRefInput = z.object({ studyId: idSchema });
export const studyCohortInput = z.object({ studyId: idSchema, asOf: asOfSchema });

/**
 * The cohort summary; `asOf` defaults to the latest observation of the study, so the whole study is in view.
 * `originalLabels` maps each participant id to the label the import stored: the owner's own view, not a
 * pseudonym (a plain import keeps the project's case names).
 */
export async function studyCohort(
  db: Db,
  actor: Actor,
  input: z.input<typeof studyCohortInput>,
  runner: AnalysisRunner = inProcessAnalysis,
): Promise<CohortSummary & { originalLabels: Record<string, string> }> {
  const parsed = parseServiceInput(studyCohortInput, input);
  const study = await loadOwnStudy(db, actor, parsed.studyId);
  const [participants, rows] = await Promise.all([
    db
      .selectFrom('participant')
      .select(['id', 'pseudonym', 'setting'])
      .where('study_id', '=', study.id)
      .orderBy('pseudonym')
      .execute(),
    db
      .selectFrom('study_observation')
      .select(['id', 'participant_id', 'indicator', 'value', 'observed_at', 'source'])
      .where('study_id', '=', study.id)
      .execute(),
  ]);
  const observations: Observation[] = rows.map((r) =>
    toObservation({
      id: r.id,
      peer_worker_id: r.participant_id,
      unit_id: null,
      indicator: r.indicator,
      value: r.value,
      observed_at: r.observed_at,
      source: r.source,
      source_ref: null,
      recorded_by: null,
      note: null,
    }),
  );
  const latest = rows.reduce<string | null>(
    (max, r) => (max === null || r.observed_at > max ? r.observed_at : max),
    null,
  );
  const summary = await runner.cohort({
    participants: participants.map((p) => ({ id: p.id, setting: p.setting ?? 'other' })),
    observations,
    asOf: parsed.asOf ?? latest ?? todayIso(),
  });
  // The column is named `pseudonym` for history; it holds whatever label the import stored.
  return { ...summary, originalLabels: Object.fromEntries(participants.map((p) => [p.id, p.pseudonym])) };
}

/** Segments read per query: a bounded slice of synchronous work (better-sqlite3) between event-loop turns. */
export const SEGMENT_PAGE_SIZE = 5000;

/** Give the event loop a turn (timers, sockets) between slices of database work on the main thread. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function loadSegments(
  db: Db,
  studyId: string,
): Promise<{ segments: CodedSegment[]; codeNames: Record<string, string> }> {
  const codes = await db.selectFrom('code').select(['id', 'name']).where('study_id', '=', studyId).execute();
  // Keyset pages with a turn of the event loop between them: a study of 80,000 segments read in one
  // query held the loop for seconds while /healthz waited (issue 10).
  const segments: CodedSegment[] = [];
  let after: string | null = null;
  for (;;) {
    await yieldToEventLoop();
    let query = db
      .selectFrom('coded_segment')
      .select(['id', 'document_id', 'code_id', 'start_offset', 'end_offset', 'coder'])
      .where('study_id', '=', studyId)
      .orderBy('id')
      .limit(SEGMENT_PAGE_SIZE);
    if (after !== null) query = query.where('id', '>', after);
    const page = await query.execute();
    for (const s of page) {
      // Zero-length selections carry no text to overlap; the domain refuses them, so they are left out here.
      if (s.end_offset <= s.start_offset) continue;
      const segment: CodedSegment = {
        id: s.id,
        documentId: s.document_id,
        codeId: s.code_id,
        start: s.start_offset,
        end: s.end_offset,
      };
      if (s.coder) segment.coderId = s.coder;
      segments.push(segment);
    }
    if (page.length < SEGMENT_PAGE_SIZE) break;
    after = page[page.length - 1]!.id;
  }
  return { segments, codeNames: Object.fromEntries(codes.map((c) => [c.id, c.name])) };
}

export async function studyCoOccurrence(
  db: Db,
  actor: Actor,
  input: z.input<typeof studyRefInput>,
  runner: AnalysisRunner = inProcessAnalysis,
): Promise<{ rows: CoOccurrenceRow[]; codeNames: Record<string, string> }> {
  const { studyId } = parseServiceInput(studyRefInput, input);
  const study = await loadOwnStudy(db, actor, studyId);
  const { segments, codeNames } = await loadSegments(db, study.id);
  return { rows: await runner.coOccurrence(segments), codeNames };
}

/** Paragraphs (runs of text between line breaks) as the units of agreement, per domain.md section 9. */
export function paragraphUnits(documentId: string, text: string): TextUnit[] {
  const units: TextUnit[] = [];
  const pattern = /[^\r\n]+/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].trim() !== '') units.push({ documentId, start: m.index, end: m.index + m[0].length });
  }
  return units;
}

export async function studyAgreement(
  db: Db,
  actor: Actor,
  input: z.input<typeof studyRefInput>,
  runner: AnalysisRunner = inProcessAnalysis,
): Promise<{ codes: CodeAgreement[]; codeNames: Record<string, string>; coders: string[] }> {
  const { studyId } = parseServiceInput(studyRefInput, input);
  const study = await loadOwnStudy(db, actor, studyId);
  const { segments, codeNames } = await loadSegments(db, study.id);
  const coders = [...new Set(segments.flatMap((s) => (s.coderId ? [s.coderId] : [])))].sort();
  if (coders.length < 2) return { codes: [], codeNames, coders };
  // One document's text at a time: memory holds the segments and paragraph bounds, not all sources.
  const documentIds = await db
    .selectFrom('document')
    .select('id')
    .where('study_id', '=', study.id)
    .orderBy('id')
    .execute();
  const units: TextUnit[] = [];
  for (const { id } of documentIds) {
    await yieldToEventLoop();
    const doc = await db.selectFrom('document').select('text').where('id', '=', id).executeTakeFirst();
    if (doc) for (const unit of paragraphUnits(id, doc.text)) units.push(unit);
  }
  const codes = await runner.agreement({ segments, units });
  return { codes, codeNames, coders };
}
