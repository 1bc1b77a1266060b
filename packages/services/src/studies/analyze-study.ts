/**
 * Analysing a study (`peerbridge analyze`, the same numbers as the portal's study view), all computed by the domain: per-participant role profiles
 * and conflicts and prevalence by setting (`summarizeCohort`), code co-occurrence with c-coefficients
 * (`coOccurrence`), and inter-coder agreement when several coders coded the study.
 */

import {
  type CodedSegment,
  type CohortParticipant,
  type CohortSummary,
  catalog,
  coOccurrence,
  type IndicatorId,
  intercoderAgreement,
  isIndicatorId,
  type Observation,
  summarizeCohort,
} from '@peerbridge/domain';
import { StudyInputError } from '@peerbridge/study-formats';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTrx } from '../db';
import { paragraphUnits } from './paragraph-units';
import { type StudyMemo, studyMemos } from './study-memos';
import { requireOwnStudy } from './study-target';

/** Agreement per code (domain `intercoderAgreement`), keyed by the code's display name. */
export interface AgreementReport {
  coders: string[];
  unit: 'paragraph';
  codes: Array<{
    code: string;
    /** Units (paragraphs) coded by at least two coders. */
    units: number;
    percentAgreement: number | null;
    cohenKappa: number | null;
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
  coOccurrence: CoOccurrenceReport[];
  agreement: AgreementReport | null;
  /** Memos (notes of an imported REFI-QDA project) beside the project, codes and documents they are about. */
  memos: StudyMemo[];
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

/** Analyse the actor's study `input.study` (by name) as of `input.asOf`; the read is audited. */
export async function analyzeStudy(
  db: Db,
  actor: Actor,
  input: { study: string; asOf?: string | undefined },
): Promise<StudyAnalysis> {
  return db.transaction().execute(async (trx) => {
    const study = await requireOwnStudy(trx, actor, input.study);
    const analysis = await analyzeStudyData(trx, study, input.asOf);
    await recordAudit(trx, actor, { action: 'study.analyze', entityType: 'study', entityId: study.id });
    return analysis;
  });
}

async function analyzeStudyData(
  db: DbOrTrx,
  study: { id: string; name: string },
  asOfOption: string | undefined,
): Promise<StudyAnalysis> {
  if (asOfOption !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOfOption)) {
    throw new StudyInputError('usage', `--as-of "${asOfOption}" is not a date`, { expected: 'YYYY-MM-DD' });
  }
  const [participants, documents, codes, segments, observations] = await Promise.all([
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
  const agreement: AgreementReport | null =
    coders.length < 2
      ? null
      : {
          coders,
          unit: 'paragraph',
          codes: intercoderAgreement({
            segments: domainSegments,
            units: documents.flatMap((d) => paragraphUnits(d.id, d.text)),
          }).map((c) => ({
            code: c.codeId,
            units: c.pairableUnits,
            percentAgreement: c.percentAgreement,
            cohenKappa: c.cohenKappa,
            krippendorffAlpha: c.krippendorffAlpha,
          })),
        };
  return {
    study: study.name,
    counts: {
      participants: participants.length,
      documents: documents.length,
      codes: codes.length,
      segments: segments.length,
      observations: observations.length,
    },
    cohort,
    participantNames,
    coOccurrence: coOccurrence(domainSegments),
    agreement,
    memos: await studyMemos(db, study.id, codeName),
  };
}
