/**
 * Pseudonymising study data at import time (ADR 0022), before anything is written: the same keyed
 * pseudonyms, allowlist and redaction as a pseudonymised export, so names never reach the database.
 * The import's report (offset decisions, unmapped codes, warnings) is pseudonymised too.
 */
import { emptyRefiData, type StudyData } from '@peerbridge/study-formats';
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
    // Free text that may name anyone (code descriptions, notes, set and user names) is not kept, nor the
    // file's own GUIDs of codings and users, which would link the study back to the named original.
    codes: parts.codes.map((c) => ({ ...c, description: null })),
    refi: emptyRefiData(),
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
        codingGuid: null,
        codingUser: null,
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
    warnings: withoutFreeText(data).map((w) => parts.label(w)),
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

/** The warnings, and one saying what a pseudonymised import leaves out of a REFI-QDA project. */
function withoutFreeText(data: StudyData): string[] {
  const { refi } = data;
  const described = data.codes.filter((c) => c.description != null).length;
  const left = [
    [refi.notes.length, 'note'],
    [refi.sets.length, 'set'],
    [refi.users.length, 'user'],
    [refi.selections.length, 'selection name/description/user'],
    [described, 'code description'],
  ] as const;
  const parts = left.filter(([n]) => n > 0).map(([n, what]) => `${n} × ${what}`);
  if (parts.length === 0) return data.warnings;
  const out = [...data.warnings];
  out.push(
    `pseudonymised import: free text and the file's own user and coding GUIDs are not kept: ${parts.join(', ')}`,
  );
  return out;
}
