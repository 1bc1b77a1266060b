/**
 * Analysing a study (`peerbridge analyze`, the same numbers as the portal's study view), all computed by the domain: per-participant role profiles
 * and conflicts and prevalence by setting (`summarizeCohort`), code co-occurrence with c-coefficients
 * (`coOccurrence`), and inter-coder agreement when several coders coded the study.
 */

import {
  type AgreementUnit,
  type AgreementWarning,
  agreementReport,
  type CodedSegment,
  type CoderCoverage,
  type CohortParticipant,
  type CohortSummary,
  catalog,
  coOccurrence,
  type IndicatorId,
  isIndicatorId,
  type Observation,
  summarizeCohort,
} from '@peerbridge/domain';
import { StudyInputError } from '@peerbridge/study-formats';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTrx } from '../db';
import { parseServiceInput } from '../errors';
import {
  analysisOptionsSchema,
  type CoOccurrenceMode,
  DEFAULT_CO_OCCURRENCE,
  DEFAULT_UNIT,
} from './analysis-options';
import { type StudyMemo, studyMemos } from './study-memos';
import { inSetScope, type StudySetScope, studySetScope } from './study-sets';
import { requireOwnStudy } from './study-target';

/** Agreement per code (domain `agreementReport`), keyed by the code's display name. */
export interface AgreementReport {
  coders: string[];
  unit: AgreementUnit;
  /** Units (characters for `character`) in documents coded by at least two coders. */
  unitCount: number;
  /** How much of the text each coder coded with any code. */
  coverage: CoderCoverage[];
  /** Share of the compared units no coder coded; null when nothing is compared. */
  uncodedShare: number | null;
  /** `mostly_uncoded` when most units are coded by no coder, `no_units` when nothing is compared. */
  warnings: AgreementWarning[];
  codes: Array<{
    code: string;
    /** Units coded by at least two coders (characters for `character`). */
    units: number;
    percentAgreement: number | null;
    cohenKappa: number | null;
    /** Nominal alpha on the units; for `character`, Krippendorff's unitizing alpha (cu-alpha). */
    krippendorffAlpha: number | null;
  }>;
}

export interface CoOccurrenceReport {
  codeA: string;
  codeB: string;
  n1: number;
  n2: number;
  n12: number;
  c: number;
}

export interface StudyAnalysis {
  study: string;
  counts: { participants: number; documents: number; codes: number; segments: number; observations: number };
  cohort: CohortSummary;
  /** Participant id in `cohort` -> the name shown (the pseudonym stored for the participant). */
  participantNames: Record<string, string>;
  /** Which segments pair: one coder's only (default), or any coder's with any other's. */
  coOccurrenceMode: CoOccurrenceMode;
  coOccurrence: CoOccurrenceReport[];
  agreement: AgreementReport | null;
  /** Memos (notes of an imported REFI-QDA project) beside the project, codes and documents they are about. */
  memos: StudyMemo[];
  /**
   * The set (`--set`) the documents, segments, co-occurrence and agreement are restricted to, with how many
   * of its documents and codes it narrows to (null: the set holds none of that kind); null for the whole study.
   * The cohort and the memos are the whole study's.
   */
  set: { name: string; documents: number | null; codes: number | null } | null;
}

/**
 * The name each code is shown under: its own name, or its path ("Parent > Child") when several
 * codes share the name (NVivo trees repeat names under different parents). Analytics key on these.
 */
export function codeDisplayNames(
  codes: ReadonlyArray<{ id: string; name: string; parent_id: string | null }>,
): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const count = new Map<string, number>();
  for (const c of codes) count.set(c.name, (count.get(c.name) ?? 0) + 1);
  const path = (id: string): string => {
    const parts: string[] = [];
    let current = byId.get(id);
    for (let guard = 0; current && guard < 256; guard++) {
      parts.unshift(current.name);
      current = current.parent_id === null ? undefined : byId.get(current.parent_id);
    }
    return parts.join(' > ');
  };
  const names = new Map<string, string>();
  const seen = new Set<string>();
  for (const c of codes) {
    let name = (count.get(c.name) ?? 0) > 1 ? path(c.id) : c.name;
    // Identical paths too: fall back to a numbered name so two codes never merge.
    for (let n = 2; seen.has(name); n++) name = `${path(c.id)} #${n}`;
    seen.add(name);
    names.set(c.id, name);
  }
  return names;
}

/** What `analyzeStudy` takes: the study by name, the date, and the analysis choices. */
export const analyzeStudyInput = analysisOptionsSchema.extend({
  study: z.string().min(1, { message: 'expected a study name' }),
  asOf: z.string().optional(),
  /** A set of the imported project, by name: documents, segments, co-occurrence and agreement narrow to it. */
  set: z.string().min(1, { message: 'expected a set name' }).optional(),
});

/** Analyse the actor's study `input.study` (by name) as of `input.asOf`; the read is audited. */
export async function analyzeStudy(
  db: Db,
  actor: Actor,
  input: z.input<typeof analyzeStudyInput>,
): Promise<StudyAnalysis> {
  const parsed = parseServiceInput(analyzeStudyInput, input, 'analysis options');
  return db.transaction().execute(async (trx) => {
    const study = await requireOwnStudy(trx, actor, parsed.study);
    const scope =
      parsed.set === undefined ? null : await studySetScope(trx, study.id, { name: parsed.set }, 'set');
    const analysis = await analyzeStudyData(trx, study, parsed.asOf, {
      unit: parsed.unit ?? DEFAULT_UNIT,
      coOccurrence: parsed.coOccurrence ?? DEFAULT_CO_OCCURRENCE,
      scope,
    });
    await recordAudit(trx, actor, { action: 'study.analyze', entityType: 'study', entityId: study.id });
    return analysis;
  });
}

async function analyzeStudyData(
  db: DbOrTrx,
  study: { id: string; name: string },
  asOfOption: string | undefined,
  options: { unit: AgreementUnit; coOccurrence: CoOccurrenceMode; scope: StudySetScope | null },
): Promise<StudyAnalysis> {
  if (asOfOption !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOfOption)) {
    throw new StudyInputError('usage', `--as-of "${asOfOption}" is not a date`, { expected: 'YYYY-MM-DD' });
  }
  const { scope } = options;
  const [participants, allDocuments, codes, allSegments, observations] = await Promise.all([
    db
      .selectFrom('participant')
      .select(['id', 'pseudonym', 'setting', 'attributes'])
      .where('study_id', '=', study.id)
      .execute(),
    db.selectFrom('document').select(['id', 'text']).where('study_id', '=', study.id).execute(),
    db.selectFrom('code').select(['id', 'name', 'parent_id']).where('study_id', '=', study.id).execute(),
    db
      .selectFrom('coded_segment')
      .select(['id', 'document_id', 'code_id', 'start_offset', 'end_offset', 'coder'])
      .where('study_id', '=', study.id)
      .execute(),
    db
      .selectFrom('study_observation')
      .select(['id', 'participant_id', 'indicator', 'value', 'observed_at', 'source'])
      .where('study_id', '=', study.id)
      .execute(),
  ]);
  const documents = allDocuments.filter((d) => inSetScope(scope, { documentId: d.id }));
  const segments = allSegments.filter((s) =>
    inSetScope(scope, { documentId: s.document_id, codeId: s.code_id }),
  );
  const asOf =
    asOfOption ??
    observations.reduce<string | undefined>(
      (max, o) => (max === undefined || o.observed_at > max ? o.observed_at : max),
      undefined,
    ) ??
    new Date().toISOString().slice(0, 10);

  const participantNames: Record<string, string> = {};
  const idOf = new Map<string, string>();
  const used = new Map<string, number>();
  const cohortParticipants: CohortParticipant[] = participants.map((p) => {
    // Names are what a researcher recognises; a repeated name gets a counter to stay unique.
    const n = (used.get(p.pseudonym) ?? 0) + 1;
    used.set(p.pseudonym, n);
    const id = n === 1 ? p.pseudonym : `${p.pseudonym} #${n}`;
    idOf.set(p.id, id);
    participantNames[id] = p.pseudonym;
    // Same inputs as the portal's study view (services `studyCohort`), so both show the same numbers:
    // no start date (interviews rarely have one), a missing setting counts as `other`.
    return { id, setting: p.setting ?? 'other' };
  });
  const cohortObservations: Observation[] = observations
    .filter((o) => isIndicatorId(o.indicator) && idOf.has(o.participant_id))
    .map((o) => {
      const indicator = o.indicator as IndicatorId;
      const value = Number(o.value);
      return {
        id: o.id,
        workerId: idOf.get(o.participant_id) as string,
        indicator,
        value: catalog.indicators[indicator].kind === 'bool' ? value !== 0 : value,
        observedAt: o.observed_at,
        source: o.source === 'interview' ? 'interview' : 'import',
      };
    });
  const cohort = summarizeCohort({
    participants: cohortParticipants,
    observations: cohortObservations,
    asOf,
  });

  const codeName = codeDisplayNames(codes);
  const domainSegments: CodedSegment[] = segments
    .filter((s) => Number(s.end_offset) > Number(s.start_offset))
    .map((s) => ({
      id: s.id,
      documentId: s.document_id,
      codeId: codeName.get(s.code_id) ?? s.code_id,
      start: Number(s.start_offset),
      end: Number(s.end_offset),
      ...(s.coder === null ? {} : { coderId: s.coder }),
    }));
  const coders = [
    ...new Set(domainSegments.flatMap((x) => (x.coderId === undefined ? [] : [x.coderId]))),
  ].sort();
  let agreement: AgreementReport | null = null;
  if (coders.length >= 2) {
    const report = agreementReport({
      documents: documents.map((d) => ({ id: d.id, text: d.text })),
      segments: domainSegments,
      unit: options.unit,
    });
    agreement = {
      coders: report.coders,
      unit: report.unit,
      unitCount: report.unitCount,
      coverage: report.coverage,
      uncodedShare: report.uncodedShare,
      warnings: report.warnings,
      codes: report.codes.map((c) => ({
        code: c.codeId,
        units: c.pairableUnits,
        percentAgreement: c.percentAgreement,
        cohenKappa: c.cohenKappa,
        krippendorffAlpha: c.krippendorffAlpha,
      })),
    };
  }
  return {
    study: study.name,
    counts: {
      participants: participants.length,
      documents: documents.length,
      codes: codes.filter((c) => inSetScope(scope, { codeId: c.id })).length,
      segments: segments.length,
      observations: observations.length,
    },
    cohort,
    participantNames,
    coOccurrenceMode: options.coOccurrence,
    coOccurrence: coOccurrence(domainSegments, { withinCoder: options.coOccurrence === 'within-coder' }),
    agreement,
    memos: await studyMemos(db, study.id, codeName),
    set:
      scope === null
        ? null
        : {
            name: scope.name,
            documents: scope.documentIds?.size ?? null,
            codes: scope.codeIds?.size ?? null,
          },
  };
}
