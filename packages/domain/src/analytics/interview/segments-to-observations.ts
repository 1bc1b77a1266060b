/** Interview evidence: coded segments whose codes map to indicators become observations (source `interview`). */
import { z } from 'zod';
import { type IndicatorId, indicatorShapes } from '../../catalog/indicator-ids';
import { isoDateSchema } from '../../dates/iso-date';
import { parseInput } from '../../errors';
import type { Observation } from '../../evidence/observation';
import { type CodedSegment, compareStrings, parseSegments } from '../segments/segment';
import {
  type CodeMapping,
  type CodeMappingRule,
  codeMappingSchema,
  normalizeCodeName,
  normalizeGuid,
} from './code-mapping';

/** Options of `segmentsToObservations`. */
export interface SegmentsToObservationsOptions {
  /** The date the observations carry (the interview date) when a document has none of its own. */
  observedAt: string;
  /** documentId -> interview date (YYYY-MM-DD). */
  documentDates?: Record<string, string> | undefined;
}

/** A code that occurs in the segments but maps to no indicator, with how many segments carry it. */
export interface UnmappedCode {
  codeId: string;
  codeName?: string | undefined;
  segments: number;
}

/** The result: the observations, the codes left unmapped, and segments that had no participant. */
export interface SegmentsToObservationsResult {
  observations: Observation[];
  unmappedCodes: UnmappedCode[];
  /** Ids of mapped segments with neither a participantId nor a document in `documentParticipants`. */
  segmentsWithoutParticipant: string[];
}

const optionsSchema = z
  .object({ observedAt: isoDateSchema, documentDates: z.record(z.string(), isoDateSchema).optional() })
  .strict();

/**
 * Every coded segment whose code maps to an indicator becomes one observation per matching rule:
 * `{ id: '<segment id>:<indicator>', workerId: participant, indicator, value, observedAt,
 * source: 'interview', sourceRef: segment id }`. The participant is the segment's `participantId`,
 * else `mapping.documentParticipants[documentId]`. A code matches a rule by GUID first; a rule with
 * only a name matches codes of that name (trimmed, case-insensitive). Values: see `CodeMappingRule`.
 * Output lists are sorted (observations by id, unmapped codes by id), whatever the input order.
 */
export function segmentsToObservations(
  mapping: CodeMapping,
  segments: ReadonlyArray<CodedSegment>,
  options: SegmentsToObservationsOptions,
): SegmentsToObservationsResult {
  const m = parseInput(codeMappingSchema, mapping, 'segmentsToObservations mapping');
  const valid = parseSegments(segments, 'segmentsToObservations segments');
  const opts = parseInput(optionsSchema, options, 'segmentsToObservations options');
  const byGuid = new Map<string, CodeMappingRule[]>();
  const byName = new Map<string, CodeMappingRule[]>();
  for (const rule of m.rules) {
    if (rule.codeGuid !== undefined) push(byGuid, normalizeGuid(rule.codeGuid), rule);
    else if (rule.codeName !== undefined) push(byName, normalizeCodeName(rule.codeName), rule);
  }
  const defaultLikert = m.defaultLikert ?? 4;
  const rulesFor = new Map<string, CodeMappingRule[]>(); // cache per (codeId, codeName)

  const observations: Observation[] = [];
  const unmapped = new Map<string, UnmappedCode>();
  const withoutParticipant: string[] = [];
  for (const s of valid) {
    const cacheKey = `${s.codeId}\u0000${s.codeName ?? ''}`;
    let rules = rulesFor.get(cacheKey);
    if (rules === undefined) {
      rules =
        byGuid.get(normalizeGuid(s.codeId)) ??
        (s.codeName === undefined ? undefined : byName.get(normalizeCodeName(s.codeName))) ??
        [];
      rulesFor.set(cacheKey, rules);
    }
    if (rules.length === 0) {
      const u = unmapped.get(s.codeId) ?? {
        codeId: s.codeId,
        ...(s.codeName === undefined ? {} : { codeName: s.codeName }),
        segments: 0,
      };
      u.segments++;
      unmapped.set(s.codeId, u);
      continue;
    }
    const participant = s.participantId ?? m.documentParticipants?.[s.documentId];
    if (participant === undefined) {
      withoutParticipant.push(s.id);
      continue;
    }
    const observedAt = opts.documentDates?.[s.documentId] ?? opts.observedAt;
    for (const rule of rules) {
      observations.push({
        id: `${s.id}:${rule.indicator}`,
        workerId: participant,
        indicator: rule.indicator,
        value: rule.value ?? defaultValue(rule.indicator, defaultLikert),
        observedAt,
        source: 'interview',
        sourceRef: s.id,
      });
    }
  }
  return {
    observations: observations.sort((a, b) => compareStrings(a.id, b.id)),
    unmappedCodes: [...unmapped.values()].sort((a, b) => compareStrings(a.codeId, b.codeId)),
    segmentsWithoutParticipant: withoutParticipant.sort(compareStrings),
  };
}

function defaultValue(indicator: IndicatorId, defaultLikert: number): number | boolean {
  switch (indicatorShapes[indicator].kind) {
    case 'bool':
      return true;
    case 'likert':
      return defaultLikert;
    case 'event':
      return 1;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
