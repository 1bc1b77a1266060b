/**
 * Agreement you can defend: per code agreement on a chosen unit (paragraph, sentence, document, or character,
 * where alpha is Krippendorff's unitizing _cuα), how much of the text each coder coded at all, and a warning when
 * most units are coded by no coder (then "agreement" is mostly agreement on leaving text alone).
 */
import { z } from 'zod';
import { parseInput } from '../../errors';
import { type CodedSegment, compareStrings, parseSegments } from '../segments/segment';
import { type CodeAgreement, intercoderAgreement, type TextUnit } from './intercoder-agreement';
import {
  type AgreementUnit,
  agreementUnitSchema,
  textUnits,
  type UnitDocument,
  unitDocumentsSchema,
} from './text-units';
import { unitizingAlpha } from './unitizing-alpha';

export interface AgreementReportInput {
  /** The documents' plain texts; segment offsets index into them. */
  documents: ReadonlyArray<UnitDocument>;
  /** Segments of all coders; segments without a coderId are ignored. */
  segments: ReadonlyArray<CodedSegment>;
  /** Default `paragraph`. */
  unit?: AgreementUnit | undefined;
  /** coderId -> documents that coder coded (default: the documents where the coder has a segment). */
  codedDocuments?: Record<string, string[]> | undefined;
  /** Share of units coded by nobody above which `mostly_uncoded` is raised. Default 0.5. */
  uncodedWarningShare?: number | undefined;
}

/** How much of the text one coder coded with any code. */
export interface CoderCoverage {
  coderId: string;
  /** Documents the coder coded. */
  documents: number;
  /** Units (characters for `character`) in those documents. */
  units: number;
  /** Of those, units the coder coded with at least one code. */
  codedUnits: number;
  /** codedUnits / units; null when the coder's documents have no units. */
  coverage: number | null;
}

export interface AgreementWarning {
  code: 'mostly_uncoded' | 'fewer_than_two_coders' | 'no_units';
  message: string;
}

export interface AgreementReport {
  unit: AgreementUnit;
  coders: string[];
  /** Units compared: units (or characters) in documents coded by at least two coders. */
  unitCount: number;
  /** Per code, sorted by code id. For `character`, `matrix` is empty (one column per character is not kept). */
  codes: CodeAgreement[];
  coverage: CoderCoverage[];
  /** Share of the compared units that no coder coded with any code; null when nothing is compared. */
  uncodedShare: number | null;
  warnings: AgreementWarning[];
}

const optionsSchema = z.object({
  unit: agreementUnitSchema.optional(),
  codedDocuments: z.record(z.string(), z.array(z.string())).optional(),
  uncodedWarningShare: z.number().min(0).max(1, { message: 'expected a share between 0 and 1' }).optional(),
});

const UNIT_NAMES: Record<AgreementUnit, string> = {
  paragraph: 'paragraphs',
  sentence: 'sentences',
  document: 'documents',
  character: 'characters',
};

/** Merged [start, end) intervals, sorted. */
function merge(spans: ReadonlyArray<{ start: number; end: number }>): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function covered(intervals: ReadonlyArray<{ start: number; end: number }>): number {
  return intervals.reduce((n, s) => n + s.end - s.start, 0);
}

/** Length of the intersection of two merged interval lists. */
function overlapLength(
  a: ReadonlyArray<{ start: number; end: number }>,
  b: ReadonlyArray<{ start: number; end: number }>,
): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    if (x.end < y.end) i++;
    else j++;
  }
  return n;
}

function kappaFromCounts(n11: number, n10: number, n01: number, n00: number): number | null {
  const n = n11 + n10 + n01 + n00;
  const po = (n11 + n00) / n;
  const pe = ((n11 + n10) * (n11 + n01) + (n00 + n01) * (n00 + n10)) / (n * n);
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

/** Agreement, coverage and the uncoded warning on the chosen unit. */
export function agreementReport(input: AgreementReportInput): AgreementReport {
  const documents = parseInput(unitDocumentsSchema, input.documents, 'agreementReport documents');
  const segments = parseSegments(input.segments, 'agreementReport segments').filter(
    (s) => s.coderId !== undefined,
  );
  const options = parseInput(
    optionsSchema,
    {
      unit: input.unit,
      codedDocuments: input.codedDocuments,
      uncodedWarningShare: input.uncodedWarningShare,
    },
    'agreementReport options',
  );
  const unit = options.unit ?? 'paragraph';
  const texts = new Map(documents.map((d) => [d.id, d.text]));
  segments.forEach((s, i) => {
    const text = texts.get(s.documentId);
    if (text === undefined || s.end > text.length) {
      parseInput(
        z.never({
          message:
            text === undefined
              ? `expected a segment of one of the documents, "${s.documentId}" is not among them`
              : `expected end <= ${text.length}, the length of document "${s.documentId}"`,
        }),
        s,
        `agreementReport segments.${i}`,
      );
    }
  });
  const coders = [...new Set(segments.map((s) => s.coderId!))].sort(compareStrings);
  const coded = new Map<string, Set<string>>(
    coders.map((c) => [c, new Set(options.codedDocuments?.[c] ?? [])]),
  );
  if (options.codedDocuments === undefined)
    for (const s of segments) coded.get(s.coderId!)!.add(s.documentId);
  const codedByCount = (docId: string) => coders.filter((c) => coded.get(c)!.has(docId)).length;

  const warnings: AgreementWarning[] = [];
  if (coders.length < 2) {
    warnings.push({
      code: 'fewer_than_two_coders',
      message: `agreement needs at least two coders; the segments name ${coders.length}`,
    });
  }

  const result =
    unit === 'character'
      ? characterAgreement(documents, segments, coders, coded)
      : unitAgreement(textUnits(documents, unit), segments, coders, coded, options.codedDocuments);
  const compared = result.units.filter((u) => codedByCount(u.documentId) >= 2);
  const unitCount = compared.reduce((n, u) => n + u.size, 0);
  const uncoded = compared.reduce((n, u) => n + u.uncoded, 0);
  const uncodedShare = unitCount === 0 ? null : uncoded / unitCount;
  if (unitCount === 0 && coders.length >= 2) {
    warnings.push({ code: 'no_units', message: `no ${UNIT_NAMES[unit]} are coded by two or more coders` });
  }
  const limit = options.uncodedWarningShare ?? 0.5;
  if (uncodedShare !== null && uncodedShare > limit) {
    warnings.push({
      code: 'mostly_uncoded',
      message: `${Math.round(uncodedShare * 100)}% of the ${UNIT_NAMES[unit]} compared are coded by no coder, so agreement mostly counts text both left alone; look at coverage and at agreement on a finer unit`,
    });
  }
  return { unit, coders, unitCount, codes: result.codes, coverage: result.coverage, uncodedShare, warnings };
}

interface UnitTally {
  documentId: string;
  /** 1 for a unit, its length for a document's characters. */
  size: number;
  /** How much of it no coder coded. */
  uncoded: number;
}

interface PartialReport {
  codes: CodeAgreement[];
  coverage: CoderCoverage[];
  units: UnitTally[];
}

function unitAgreement(
  units: TextUnit[],
  segments: ReadonlyArray<CodedSegment>,
  coders: string[],
  coded: Map<string, Set<string>>,
  codedDocuments: Record<string, string[]> | undefined,
): PartialReport {
  const codes = coders.length >= 2 ? intercoderAgreement({ segments, units, codedDocuments }) : [];
  // Per document and coder (and per document for anyone, key coder ''), the merged spans of the segments
  // of documents the coder coded: a unit is hit when it overlaps one, found by binary search.
  const spans = new Map<string, { start: number; end: number }[]>();
  for (const s of segments) {
    if (!coded.get(s.coderId!)!.has(s.documentId)) continue;
    for (const key of [`${s.documentId}\u0000${s.coderId}`, `${s.documentId}\u0000`]) {
      const list = spans.get(key);
      if (list === undefined) spans.set(key, [s]);
      else list.push(s);
    }
  }
  for (const [key, list] of spans) spans.set(key, merge(list));
  const hits = (u: TextUnit, coder?: string) => {
    const list = spans.get(`${u.documentId}\u0000${coder ?? ''}`);
    if (list === undefined) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.end > u.start) hi = mid;
      else lo = mid + 1;
    }
    return lo < list.length && list[lo]!.start < u.end;
  };
  const coverage = coders.map((coderId): CoderCoverage => {
    const mine = units.filter((u) => coded.get(coderId)!.has(u.documentId));
    const codedUnits = mine.filter((u) => hits(u, coderId)).length;
    return {
      coderId,
      documents: coded.get(coderId)!.size,
      units: mine.length,
      codedUnits,
      coverage: mine.length === 0 ? null : codedUnits / mine.length,
    };
  });
  const tallies = units.map((u) => ({ documentId: u.documentId, size: 1, uncoded: hits(u) ? 0 : 1 }));
  return { codes, coverage, units: tallies };
}

function characterAgreement(
  documents: ReadonlyArray<UnitDocument>,
  segments: ReadonlyArray<CodedSegment>,
  coders: string[],
  coded: Map<string, Set<string>>,
): PartialReport {
  const inDoc = (docId: string, coder: string, codeId?: string) =>
    merge(
      segments.filter(
        (s) => s.documentId === docId && s.coderId === coder && (codeId === undefined || s.codeId === codeId),
      ),
    );
  const coverage = coders.map((coderId): CoderCoverage => {
    const mine = documents.filter((d) => coded.get(coderId)!.has(d.id));
    const units = mine.reduce((n, d) => n + d.text.length, 0);
    const codedUnits = mine.reduce((n, d) => n + covered(inDoc(d.id, coderId)), 0);
    return {
      coderId,
      documents: mine.length,
      units,
      codedUnits,
      coverage: units === 0 ? null : codedUnits / units,
    };
  });
  const tallies = documents.map((d) => {
    const anyone = merge(coders.filter((c) => coded.get(c)!.has(d.id)).flatMap((c) => inDoc(d.id, c)));
    return { documentId: d.id, size: d.text.length, uncoded: d.text.length - covered(anyone) };
  });
  if (coders.length < 2) return { codes: [], coverage, units: tallies };

  // Alpha over the documents every coder coded, laid end to end as one continuum.
  const shared = documents.filter((d) => coders.every((c) => coded.get(c)!.has(d.id)));
  const length = shared.reduce((n, d) => n + d.text.length, 0);
  const codeIds = [...new Set(segments.map((s) => s.codeId))].sort(compareStrings);
  const codes = codeIds.map((codeId): CodeAgreement => {
    let alpha: number | null = null;
    if (length > 0) {
      let offset = 0;
      const spans: { coder: string; start: number; end: number }[] = [];
      for (const d of shared) {
        for (const coder of coders) {
          for (const s of inDoc(d.id, coder, codeId))
            spans.push({ coder, start: offset + s.start, end: offset + s.end });
        }
        offset += d.text.length;
      }
      alpha = unitizingAlpha({ length, coders, spans }).alpha;
    }
    let pa: number | null = null;
    let kappa: number | null = null;
    if (coders.length === 2 && length > 0) {
      const [a, b] = coders as [string, string];
      let n11 = 0;
      let na = 0;
      let nb = 0;
      for (const d of shared) {
        const x = inDoc(d.id, a, codeId);
        const y = inDoc(d.id, b, codeId);
        n11 += overlapLength(x, y);
        na += covered(x);
        nb += covered(y);
      }
      const n10 = na - n11;
      const n01 = nb - n11;
      const n00 = length - n11 - n10 - n01;
      pa = (n11 + n00) / length;
      kappa = kappaFromCounts(n11, n10, n01, n00);
    }
    return {
      codeId,
      coders,
      pairableUnits: length,
      percentAgreement: pa,
      cohenKappa: kappa,
      krippendorffAlpha: alpha,
      matrix: [],
    };
  });
  return { codes, coverage, units: tallies };
}
