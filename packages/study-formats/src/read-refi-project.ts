/**
 * A REFI-QDA project (.qdpx / .qde) as study data: cases become participants with their variables,
 * text sources become documents with their full text, selections become coded segments with the
 * offsets the refi-qda reader resolved (UTF-16 code units, end exclusive, BOM removed).
 */
import { randomUUID } from 'node:crypto';
import { type Code, openProject, type Project, type TextSource } from '@peerbridge/refi-qda';
import type { MappingFile } from './mapping-file';
import { participantFromVariables } from './participant-variables';
import type { Progress } from './progress';
import {
  type CodeData,
  type DocumentData,
  emptyStudyData,
  type ParticipantData,
  type StudyData,
} from './study-data';

function flattenCodes(codes: ReadonlyArray<Code>, parentGuid: string | null, out: CodeData[]): void {
  for (const code of codes) {
    out.push({
      guid: code.guid,
      name: code.name,
      parentGuid,
      isCodable: code.isCodable,
      indicator: null,
      mappedBy: null,
    });
    flattenCodes(code.children, code.guid, out);
  }
}

function userNames(project: Project): Map<string, string> {
  return new Map(project.users.map((u) => [u.guid, u.name ?? u.id ?? u.guid]));
}

/** Participants and which participant each document and selection belongs to, by the mapping's rule. */
function assignParticipants(project: Project, mapping: MappingFile, warn: (m: string) => void) {
  const participants = new Map<string, ParticipantData>();
  const documentParticipant = new Map<string, string>();
  const selectionParticipant = new Map<string, string>();
  const variableNames = new Map(project.variables.map((v) => [v.guid, v.name]));
  const textSources = project.sources.filter((s): s is TextSource => s.kind === 'text');
  const byName = new Map<string, string>();

  if (mapping.participants.rule === 'case') {
    for (const c of project.cases) {
      const name = c.name ?? c.guid;
      const variables = c.variableValues.map((v) => ({
        name: variableNames.get(v.variableGuid) ?? v.variableGuid,
        value: v.value,
      }));
      participants.set(
        c.guid,
        participantFromVariables(c.guid, name, variables, mapping.participants.variables, warn),
      );
      byName.set(name, c.guid);
      for (const source of c.sourceRefs) {
        const previous = documentParticipant.get(source);
        if (previous !== undefined && previous !== c.guid) {
          warn(
            `document ${source} belongs to several cases; its segments go to the first one ("${participants.get(previous)?.name}")`,
          );
        } else documentParticipant.set(source, c.guid);
      }
      for (const selection of c.selectionRefs) selectionParticipant.set(selection, c.guid);
    }
    if (project.cases.length === 0 && textSources.length > 0) {
      warn(
        'the project has no cases, so no participants; add `participants: { rule: document }` to a mapping file for one participant per document',
      );
    }
  } else if (mapping.participants.rule === 'document') {
    for (const source of textSources) {
      const ref = `document:${source.guid}`;
      const name = source.name ?? source.guid;
      const variables = source.variableValues.map((v) => ({
        name: variableNames.get(v.variableGuid) ?? v.variableGuid,
        value: v.value,
      }));
      participants.set(
        ref,
        participantFromVariables(ref, name, variables, mapping.participants.variables, warn),
      );
      documentParticipant.set(source.guid, ref);
    }
  }
  // Explicit document -> participant entries win over the rule.
  for (const source of textSources) {
    const named =
      mapping.participants.documents[source.guid] ??
      (source.name ? mapping.participants.documents[source.name] : undefined);
    if (named === undefined) continue;
    let ref = byName.get(named);
    if (ref === undefined) {
      ref = `name:${named}`;
      if (!participants.has(ref)) participants.set(ref, { ref, name: named, setting: null, attributes: {} });
      byName.set(named, ref);
    }
    documentParticipant.set(source.guid, ref);
  }
  return { participants, documentParticipant, selectionParticipant };
}

/** Interview date of a document: the mapping's documentDates (by name or GUID), else null. */
function documentDate(source: TextSource, mapping: MappingFile): string | null {
  return (
    mapping.documentDates[source.guid] ??
    (source.name ? mapping.documentDates[source.name] : undefined) ??
    null
  );
}

/** Read a REFI-QDA file into study data (codes not yet mapped; no observations yet). */
export async function readRefiProject(
  file: string,
  mapping: MappingFile,
  progress: Progress,
): Promise<StudyData> {
  const reader = await openProject(file);
  try {
    const project = reader.project;
    const data = emptyStudyData(reader.format);
    const warn = (message: string) => data.warnings.push(message);
    flattenCodes(project.codes, null, data.codes);
    const codeGuids = new Set(data.codes.map((c) => c.guid));
    const users = userNames(project);
    const { participants, documentParticipant, selectionParticipant } = assignParticipants(
      project,
      mapping,
      warn,
    );
    data.participants = [...participants.values()];

    const textSources = project.sources.filter((s) => s.kind === 'text').length;
    const skippedMedia = project.sources.filter((s) => s.kind !== 'text');
    if (skippedMedia.length > 0) {
      const selections = skippedMedia.reduce(
        (n, s) => n + ('skippedSelections' in s ? s.skippedSelections : 0),
        0,
      );
      warn(
        `${skippedMedia.length} PDF/picture/audio/video source(s) and their ${selections} selection(s) are not imported (text only)`,
      );
    }
    progress.start('reading documents', textSources);
    let done = 0;
    for await (const loaded of reader.textSources()) {
      const source = loaded.source;
      const document: DocumentData = {
        guid: source.guid,
        name: source.name ?? source.guid,
        text: loaded.content ?? '',
        participantRef: documentParticipant.get(source.guid) ?? null,
        date: documentDate(source, mapping),
      };
      data.documents.push(document);
      data.offsetDecisions.push({
        document: document.name,
        convention: loaded.decision.convention
          ? `${loaded.decision.convention.unit === 'utf16' ? 'UTF-16 code units' : 'code points'}, CRLF=${loaded.decision.convention.crlf}, BOM ${loaded.decision.convention.bomCounted ? 'counted' : 'not counted'}`
          : null,
        reason: loaded.decision.reason,
        ambiguous: loaded.decision.ambiguous,
      });
      for (const selection of source.selections) {
        if (selection.end <= selection.start) {
          warn(
            `selection ${selection.guid} in "${document.name}" is empty (start ${selection.start} = end); skipped`,
          );
          continue;
        }
        for (const coding of selection.codings) {
          if (!codeGuids.has(coding.codeGuid)) {
            warn(
              `selection ${selection.guid} in "${document.name}" refers to code ${coding.codeGuid}, which the project does not define; skipped`,
            );
            continue;
          }
          const coderGuid = coding.creatingUser ?? selection.creatingUser;
          data.segments.push({
            id: randomUUID(),
            selectionGuid: selection.guid,
            documentGuid: source.guid,
            codeGuid: coding.codeGuid,
            start: selection.start,
            end: selection.end,
            coder: coderGuid === undefined ? null : (users.get(coderGuid) ?? coderGuid),
            createdAt: coding.creationDateTime ?? selection.creationDateTime ?? null,
            // A case can claim single selections (a focus group: several speakers in one document).
            participantRef: selectionParticipant.get(selection.guid) ?? null,
          });
        }
      }
      progress.update(++done);
    }
    progress.finish();
    for (const warning of project.warnings) warn(warning.message);
    return data;
  } finally {
    reader.close();
  }
}
