/**
 * The researcher's study view: their studies, and per study the cohort summary, code co-occurrence and
 * inter-coder agreement, computed by the domain's analytics from the imported material. Only the
 * study's owner reaches it. Participants are keyed by row id; the labels they were imported under
 * are returned as `originalLabels` (the study owner's view; they are pseudonyms only when the study
 * was imported with `--pseudonymize`, ADR 0022). Supervision data is never read here.
 */
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { asOfSchema, idSchema } from '../schemas';
import { DEFAULT_CO_OCCURRENCE, DEFAULT_UNIT, studyAnalysisInput } from './analysis-options';
import {
  type AnalysisRunner,
  inProcessAnalysis,
  type StudyAgreementResult,
  type StudyCohortResult,
  type StudyCoOccurrenceResult,
} from './analysis-runner';
import { loadOwnStudy } from './study-access';
import { studySetScope } from './study-sets';

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
    query = query.where((eb) => eb(eb.refTuple('s.created_at', 's.id'), '<', eb.tuple(createdAt, id)));
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
 * pseudonym (a plain import keeps the project's case names). The ownership check runs here, on the
 * caller's connection; the runner reads the study (in the api, a worker thread on its own connection).
 */
export async function studyCohort(
  db: Db,
  actor: Actor,
  input: z.input<typeof studyCohortInput>,
  runner: AnalysisRunner = inProcessAnalysis(db),
): Promise<StudyCohortResult> {
  const parsed = parseServiceInput(studyCohortInput, input);
  const study = await loadOwnStudy(db, actor, parsed.studyId);
  return runner.cohort({ studyId: study.id, asOf: parsed.asOf ?? null });
}

/**
 * Code co-occurrence; by default only one coder's segments pair (`coOccurrence: 'across-coders'` pairs all).
 * A `setId` (checked here to be one of the study's sets) narrows it to the set's documents and codes.
 */
export async function studyCoOccurrence(
  db: Db,
  actor: Actor,
  input: z.input<typeof studyAnalysisInput>,
  runner: AnalysisRunner = inProcessAnalysis(db),
): Promise<StudyCoOccurrenceResult> {
  const { studyId, coOccurrence, setId } = parseServiceInput(studyAnalysisInput, input);
  const study = await loadOwnStudy(db, actor, studyId);
  if (setId !== undefined) await studySetScope(db, study.id, { id: setId }, 'setId');
  return runner.coOccurrence({ studyId: study.id, mode: coOccurrence ?? DEFAULT_CO_OCCURRENCE, setId });
}

/** Agreement per code on `unit` (default paragraph), per-coder coverage and the mostly-uncoded warning. */
export async function studyAgreement(
  db: Db,
  actor: Actor,
  input: z.input<typeof studyAnalysisInput>,
  runner: AnalysisRunner = inProcessAnalysis(db),
): Promise<StudyAgreementResult> {
  const { studyId, unit, setId } = parseServiceInput(studyAnalysisInput, input);
  const study = await loadOwnStudy(db, actor, studyId);
  if (setId !== undefined) await studySetScope(db, study.id, { id: setId }, 'setId');
  return runner.agreement({ studyId: study.id, unit: unit ?? DEFAULT_UNIT, setId });
}
