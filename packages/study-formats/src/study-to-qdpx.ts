/** A study as a REFI-QDA project model for the refi-qda writer: re-importing the .qdpx gives the same study. */
import { uuidV5 } from '@peerbridge/domain';
import type {
  Case,
  Code,
  Project,
  TextSelection,
  TextSource,
  Variable,
  VariableValue,
} from '@peerbridge/refi-qda';
import { CSV_NAMESPACE } from './csv-guids';
import type { LoadedStudy } from './loaded-study';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const derived = (kind: string, value: string) => uuidV5(`${kind}:${value}`, CSV_NAMESPACE);

function variableType(values: ReadonlyArray<string | number | boolean>): Variable['type'] {
  if (values.every((v) => typeof v === 'boolean')) return 'Boolean';
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'Integer';
  if (values.every((v) => typeof v === 'number')) return 'Float';
  return 'Text';
}

export interface QdpxModel {
  project: Project;
  /** Segments left out because their document has no text to point into. */
  skippedSegments: number;
}

export function studyToProject(study: LoadedStudy): QdpxModel {
  const users = new Map<string, string>();
  for (const s of study.segments)
    if (s.coder !== null && !users.has(s.coder)) users.set(s.coder, derived('user', s.coder));

  const codeNodes = new Map<string, Code>();
  for (const c of study.codes) {
    codeNodes.set(c.guid, { guid: c.guid, name: c.name, isCodable: c.isCodable, noteRefs: [], children: [] });
  }
  const roots: Code[] = [];
  for (const c of study.codes) {
    const node = codeNodes.get(c.guid) as Code;
    const parent = c.parentGuid === null ? undefined : codeNodes.get(c.parentGuid);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }

  // Every attribute becomes a variable; its type is what all its values share.
  const attributeValues = new Map<string, Array<string | number | boolean>>();
  for (const p of study.participants) {
    for (const [name, value] of Object.entries(p.attributes))
      attributeValues.set(name, [...(attributeValues.get(name) ?? []), value]);
  }
  const variables: Variable[] = [...attributeValues.entries()].map(([name, values]) => ({
    guid: derived('variable', name),
    name,
    type: variableType(values),
  }));
  const variableByName = new Map(variables.map((v) => [v.name, v]));
  const caseGuid = (ref: string) => (guidPattern.test(ref) ? ref.toLowerCase() : derived('case', ref));
  const cases: Case[] = study.participants.map((p) => {
    const values: VariableValue[] = Object.entries(p.attributes).map(([name, value]) => {
      const variable = variableByName.get(name) as Variable;
      const coerced = variable.type === 'Text' ? String(value) : value;
      return { variableGuid: variable.guid, type: variable.type, value: coerced };
    });
    return {
      guid: caseGuid(p.ref),
      name: p.name,
      codeRefs: [],
      variableValues: values,
      sourceRefs: study.documents.filter((d) => d.participantRef === p.ref).map((d) => d.guid),
      selectionRefs: [],
    };
  });

  let skippedSegments = 0;
  const sources: TextSource[] = study.documents.map((d) => {
    const selections = new Map<string, TextSelection>();
    for (const s of study.segments) {
      if (s.sourceGuid !== d.guid) continue;
      if (s.text === null) {
        skippedSegments++;
        continue;
      }
      let selection = selections.get(s.selectionGuid);
      if (!selection) {
        selection = {
          guid: s.selectionGuid,
          start: s.start,
          end: s.end,
          text: s.text,
          written: { start: s.start, end: s.end },
          codings: [],
          noteRefs: [],
          creationDateTime: s.createdAt ?? undefined,
        };
        selections.set(s.selectionGuid, selection);
      }
      selection.codings.push({
        guid: s.id,
        codeGuid: s.codeGuid,
        creatingUser: s.coder === null ? undefined : users.get(s.coder),
        creationDateTime: s.createdAt ?? undefined,
        noteRefs: [],
      });
    }
    return {
      kind: 'text',
      guid: d.guid,
      name: d.name,
      textLocation: 'internal',
      textAvailable: true,
      selections: [...selections.values()],
      codings: [],
      noteRefs: [],
      variableValues: [],
      content: d.text,
    };
  });

  return {
    skippedSegments,
    project: {
      name: study.study.name,
      origin: 'PeerBridge',
      users: [...users.entries()].map(([name, guid]) => ({ guid, name })),
      codes: roots,
      sources,
      cases,
      variables,
      sets: [],
      notes: [],
      noteRefs: [],
      warnings: [],
      offsetDecisions: [],
    },
  };
}
