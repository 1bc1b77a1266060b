/**
 * Pseudonymising study data at import time (ADR 0022), before anything is written: the same keyed
 * pseudonyms, allowlist and redaction as a pseudonymised export, so names never reach the database.
 * The import's report (offset decisions, unmapped codes, warnings) is pseudonymised too.
 */
import type { StudyData } from '@peerbridge/study-formats';
import { type PseudonymizationReport, pseudonymizeParts } from './study-pseudonymization';

export function pseudonymizeStudyData(
  data: StudyData,
  key: Uint8Array,
  options: { allowVariables?: ReadonlyArray<string> | undefined } = {},
): { data: StudyData; report: PseudonymizationReport; fileName(name: string): string } {
  const coders = new Set<string>();
  for (const s of data.segments) if (s.coder !== null) coders.add(s.coder);
  const parts = pseudonymizeParts(key, {
    participants: data.participants,
    documents: data.documents,
    codes: data.codes,
    coders,
    allowVariables: options.allowVariables,
  });
  const ps = parts.pseudonymizer;
  const documentNames = new Map(data.documents.map((d) => [d.name, ps.document(d.name)]));
  const pseudonymized: StudyData = {
    ...data,
    participants: parts.participants,
    documents: parts.documents,
    codes: parts.codes,
    segments: data.segments.map((s) => {
      const document = parts.document(s.documentGuid);
      return {
        ...s,
        selectionGuid: ps.guid(s.selectionGuid),
        documentGuid: document?.guid ?? ps.guid(s.documentGuid),
        codeGuid: parts.code(s.codeGuid)?.guid ?? s.codeGuid,
        start: document ? document.redaction.mapStart(s.start) : s.start,
        end: document ? document.redaction.mapEnd(s.end) : s.end,
        coder: s.coder === null ? null : ps.coder(s.coder),
        participantRef: parts.refOrNull(s.participantRef),
      };
    }),
    observations: data.observations.map((o) => ({
      ...o,
      participantRef: parts.ref(o.participantRef),
      documentGuid:
        o.documentGuid === null ? null : (parts.document(o.documentGuid)?.guid ?? ps.guid(o.documentGuid)),
    })),
    offsetDecisions: data.offsetDecisions.map((d) => ({
      ...d,
      document: documentNames.get(d.document) ?? parts.label(d.document),
      reason: parts.label(d.reason),
    })),
    unmappedCodes: data.unmappedCodes.map((c) => {
      const code = parts.code(c.guid);
      return { ...c, guid: code?.guid ?? c.guid, name: code?.name ?? parts.label(c.name) };
    }),
    warnings: data.warnings.map((w) => parts.label(w)),
  };
  return {
    data: pseudonymized,
    report: parts.report(),
    // The imported file's name (kept in the import run and the audit event) often names the project's people.
    fileName: (name) => {
      const ext = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
      return `${ps.document(name)}${ext.toLowerCase()}`;
    },
  };
}
