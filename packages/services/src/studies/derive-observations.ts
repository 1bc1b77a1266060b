/**
 * Interview evidence: every coded segment whose code maps to an indicator becomes an observation
 * through the domain's `segmentsToObservations` (the one place that knows the values per kind).
 * Works part by part (a REFI-QDA project streams one source at a time): the codes are resolved once,
 * from the first part, and the report (unmapped codes, warnings) adds up over the parts.
 */
import { type CodedSegment, type CodeMappingRule, segmentsToObservations } from '@peerbridge/domain';
import type { MappingFile, StudyData, UnmappedCodeReport } from '@peerbridge/study-formats';
import type { CodebookIndex } from './codebook-index';
import { resolveCodes } from './resolve-codes';

/** Today's date as YYYY-MM-DD (UTC): the fallback interview date, reported as a warning. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Derives the observations of each part in turn; `finish` gives the unmapped codes and the warnings. */
export class InterviewObservations {
  private rules: CodeMappingRule[] | null = null;
  private readonly mapped = new Set<string>();
  private readonly codeName = new Map<string, string>();
  private readonly unmapped = new Map<string, number>();
  private readonly warnings: string[] = [];
  private readonly observedAt: string;
  private undated = 0;
  private segments = 0;
  private withoutParticipant = 0;

  constructor(
    private readonly mapping: MappingFile,
    private readonly index: CodebookIndex,
  ) {
    this.observedAt = mapping.observedAt ?? today();
  }

  /** Map the part's codes (the first part brings them all) and fill `data.observations` (source `interview`). */
  derive(data: StudyData): void {
    if (this.rules === null) {
      const resolved = resolveCodes(data.codes, this.mapping, this.index);
      data.codes = resolved.codes;
      this.rules = resolved.rules;
      for (const rule of resolved.rules) if (rule.codeGuid !== undefined) this.mapped.add(rule.codeGuid);
      for (const c of resolved.codes) this.codeName.set(c.guid, c.name);
      for (const rule of resolved.unusedFileRules)
        this.warnings.push(`mapping rule for ${rule} matched no code of the project`);
    }
    const documentParticipants: Record<string, string> = {};
    const documentDates: Record<string, string> = {};
    for (const d of data.documents) {
      if (d.participantRef !== null) documentParticipants[d.guid] = d.participantRef;
      if (d.date !== null) documentDates[d.guid] = d.date;
      else if (this.mapping.observedAt === undefined) this.undated++;
    }
    if (data.segments.length === 0) return;
    this.segments += data.segments.length;
    // Only segments of mapped codes can become observations; the others are just counted here, which
    // spares the domain validating half a big project for nothing.
    const segments: CodedSegment[] = [];
    for (const s of data.segments) {
      if (!this.mapped.has(s.codeGuid)) {
        this.unmapped.set(s.codeGuid, (this.unmapped.get(s.codeGuid) ?? 0) + 1);
        continue;
      }
      segments.push({
        id: s.id,
        documentId: s.documentGuid,
        codeId: s.codeGuid,
        codeName: this.codeName.get(s.codeGuid),
        start: s.start,
        end: s.end,
        ...(s.coder === null ? {} : { coderId: s.coder }),
        ...(s.participantRef === null ? {} : { participantId: s.participantRef }),
      });
    }
    if (segments.length === 0) return;
    const result = segmentsToObservations(
      {
        rules: this.rules,
        documentParticipants,
        ...(this.mapping.defaultLikert === undefined ? {} : { defaultLikert: this.mapping.defaultLikert }),
      },
      segments,
      { observedAt: this.observedAt, documentDates },
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
    this.withoutParticipant += result.segmentsWithoutParticipant.length;
  }

  /** The codes that gave no observation (by name), and the warnings over all parts. */
  finish(): { unmappedCodes: UnmappedCodeReport[]; warnings: string[] } {
    const warnings = [...this.warnings];
    if (this.segments > 0 && this.undated > 0 && (this.rules?.length ?? 0) > 0) {
      warnings.push(
        `${this.undated} document(s) have no interview date; their observations are dated ${this.observedAt} (set observedAt or documentDates in a mapping file)`,
      );
    }
    if (this.withoutParticipant > 0) {
      warnings.push(
        `${this.withoutParticipant} mapped segment(s) belong to no participant, so they give no observation (assign documents to cases, or use participants.rule: document)`,
      );
    }
    const unmappedCodes = [...this.unmapped.entries()]
      .map(([guid, segments]) => ({ guid, name: this.codeName.get(guid) ?? guid, segments }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { unmappedCodes, warnings };
  }
}
