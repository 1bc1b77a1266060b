/**
 * Keyed pseudonyms for a research export (ADR 0022): participant, case, document and coder names
 * become keyed pseudonyms under the researcher's key (never stored or printed), only allowed
 * variables stay, and every known name inside the texts, code names and kept values is replaced by
 * its placeholder, with segment offsets mapped onto the redacted text.
 */
import type { LoadedStudy } from '@peerbridge/study-formats';
import { type PseudonymizationReport, pseudonymizeParts } from './study-pseudonymization';

export interface PseudonymizeOptions {
  /** The variables to keep (default: setting, age_band, gender, tenure_band). */
  allowVariables?: ReadonlyArray<string> | undefined;
}

export function pseudonymizeStudy(
  study: LoadedStudy,
  key: Uint8Array,
  options: PseudonymizeOptions = {},
): { study: LoadedStudy; report: PseudonymizationReport } {
  const coders = new Set<string>();
  for (const s of study.segments) if (s.coder !== null) coders.add(s.coder);
  const parts = pseudonymizeParts(key, {
    participants: study.participants,
    documents: study.documents,
    codes: study.codes,
    coders,
    allowVariables: options.allowVariables,
  });
  const ps = parts.pseudonymizer;
  const texts = new Map(parts.documents.map((d) => [d.guid, d.text]));
  const segments = study.segments.map((s) => {
    const document = parts.document(s.sourceGuid);
    const code = parts.code(s.codeGuid);
    const start = document ? document.redaction.mapStart(s.start) : s.start;
    const end = document ? document.redaction.mapEnd(s.end) : s.end;
    const text = document ? (texts.get(document.guid) as string) : null;
    return {
      ...s,
      selectionGuid: ps.guid(s.selectionGuid),
      sourceGuid: document?.guid ?? ps.guid(s.sourceGuid),
      codeGuid: code?.guid ?? s.codeGuid,
      code: code?.name ?? parts.label(s.code),
      start,
      end,
      text: s.text === null || text === null ? null : text.slice(start, end),
      coder: s.coder === null ? null : ps.coder(s.coder),
      codingGuid: null,
      codingUser: null,
      participantRef: parts.refOrNull(s.participantRef),
    };
  });
  return {
    study: {
      ...study,
      study: { name: parts.label(study.study.name) },
      pseudonymized: true,
      participants: parts.participants,
      documents: parts.documents,
      codes: parts.codes,
      segments,
      // Notes, sets, user names and descriptions are free text that may name anyone: never in a pseudonymised export.
      refi: undefined,
      observations: study.observations.map((o) => ({ ...o, participantRef: parts.ref(o.participantRef) })),
    },
    report: parts.report(),
  };
}
