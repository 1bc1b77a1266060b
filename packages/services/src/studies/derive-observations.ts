/**
 * Interview evidence: every coded segment whose code maps to an indicator becomes an observation
 * through the domain's `segmentsToObservations` (the one place that knows the values per kind).
 */
import { type CodedSegment, segmentsToObservations } from '@peerbridge/domain';
import type { MappingFile, StudyData } from '@peerbridge/study-formats';
import type { CodebookIndex } from './codebook-index';
import { resolveCodes } from './resolve-codes';

/** Today's date as YYYY-MM-DD (UTC): the fallback interview date, reported as a warning. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Map `data.codes` to indicators and derive `data.observations` (source `interview`) and
 * `data.unmappedCodes`. Participants already in the study (earlier imports) may be referenced by
 * segments; `knownParticipantRefs` lists them.
 */
export function deriveInterviewObservations(
  data: StudyData,
  mapping: MappingFile,
  index: CodebookIndex,
): void {
  const resolved = resolveCodes(data.codes, mapping, index);
  data.codes = resolved.codes;
  for (const rule of resolved.unusedFileRules)
    data.warnings.push(`mapping rule for ${rule} matched no code of the project`);
  if (data.segments.length === 0) return;

  const codeName = new Map(data.codes.map((c) => [c.guid, c.name]));
  const documentParticipants: Record<string, string> = {};
  const documentDates: Record<string, string> = {};
  let undated = 0;
  for (const d of data.documents) {
    if (d.participantRef !== null) documentParticipants[d.guid] = d.participantRef;
    if (d.date !== null) documentDates[d.guid] = d.date;
    else if (mapping.observedAt === undefined) undated++;
  }
  const observedAt = mapping.observedAt ?? today();
  if (undated > 0 && resolved.rules.length > 0) {
    data.warnings.push(
      `${undated} document(s) have no interview date; their observations are dated ${observedAt} (set observedAt or documentDates in a mapping file)`,
    );
  }
  // Only segments of mapped codes can become observations; the others are just counted here, which
  // spares the domain validating half a big project for nothing.
  const mapped = new Set(resolved.rules.map((r) => r.codeGuid));
  const unmapped = new Map<string, number>();
  for (const s of data.segments)
    if (!mapped.has(s.codeGuid)) unmapped.set(s.codeGuid, (unmapped.get(s.codeGuid) ?? 0) + 1);
  data.unmappedCodes = [...unmapped.entries()]
    .map(([guid, segments]) => ({ guid, name: codeName.get(guid) ?? guid, segments }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (mapped.size === 0) return;
  const segments: CodedSegment[] = data.segments
    .filter((s) => mapped.has(s.codeGuid))
    .map((s) => ({
      id: s.id,
      documentId: s.documentGuid,
      codeId: s.codeGuid,
      codeName: codeName.get(s.codeGuid),
      start: s.start,
      end: s.end,
      ...(s.coder === null ? {} : { coderId: s.coder }),
      ...(s.participantRef === null ? {} : { participantId: s.participantRef }),
    }));
  const result = segmentsToObservations(
    {
      rules: resolved.rules,
      documentParticipants,
      ...(mapping.defaultLikert === undefined ? {} : { defaultLikert: mapping.defaultLikert }),
    },
    segments,
    { observedAt, documentDates },
  );
  const documentOf = new Map(segments.map((s) => [s.id, s.documentId]));
  // One push per item: spreading 125,000+ items into push() overflows the call stack (issue 16).
  for (const o of result.observations) {
    data.observations.push({
      id: o.id,
      participantRef: o.workerId as string,
      indicator: o.indicator,
      value: typeof o.value === 'boolean' ? (o.value ? 1 : 0) : o.value,
      observedAt: o.observedAt,
      source: 'interview' as const,
      segmentId: o.sourceRef ?? null,
      documentGuid: o.sourceRef === undefined ? null : (documentOf.get(o.sourceRef) ?? null),
    });
  }
  if (result.segmentsWithoutParticipant.length > 0) {
    data.warnings.push(
      `${result.segmentsWithoutParticipant.length} mapped segment(s) belong to no participant, so they give no observation (assign documents to cases, or use participants.rule: document)`,
    );
  }
}
