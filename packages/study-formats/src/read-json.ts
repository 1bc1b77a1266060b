/** A PeerBridge study JSON export as study data, checking that every segment's text is exactly where its offsets say. */
import { randomUUID } from 'node:crypto';
import { normalizeGuid } from '@peerbridge/refi-qda';
import { readJsonFile } from './json-file';
import { emptyStudyData, type StudyData } from './study-data';
import { StudyInputError } from './study-input-error';
import { studyJsonSchema } from './study-json-schema';

export async function readJsonStudyData(file: string): Promise<StudyData> {
  const json = await readJsonFile(file, studyJsonSchema);
  const data = emptyStudyData('json');
  data.participants = json.participants.map((p) => ({ ...p }));
  data.documents = json.documents.map((d) => ({ ...d, guid: normalizeGuid(d.guid) }));
  data.codes = json.codes.map((c) => ({
    guid: normalizeGuid(c.guid),
    name: c.name,
    parentGuid: c.parentGuid === null ? null : normalizeGuid(c.parentGuid),
    isCodable: c.isCodable,
    indicator: c.indicator,
    mappedBy: c.indicator === null ? null : 'stored',
  }));
  const texts = new Map(data.documents.map((d) => [d.guid, d]));
  json.segments.forEach((s, i) => {
    const document = texts.get(normalizeGuid(s.sourceGuid));
    const where = { file, element: `segments.${i}` };
    if (!document)
      throw new StudyInputError('invalid_input', `sourceGuid ${s.sourceGuid} is not one of the documents`, {
        location: where,
      });
    if (s.end <= s.start || s.end > document.text.length) {
      throw new StudyInputError(
        'invalid_input',
        `offsets ${s.start}..${s.end} are outside document "${document.name}" (${document.text.length} characters)`,
        {
          location: where,
          expected: `0 <= start < end <= ${document.text.length}`,
        },
      );
    }
    if (document.text.slice(s.start, s.end) !== s.text) {
      throw new StudyInputError(
        'invalid_input',
        `text does not match document "${document.name}" at ${s.start}..${s.end}`,
        { location: where },
      );
    }
    data.segments.push({
      id: randomUUID(),
      selectionGuid: normalizeGuid(s.selectionGuid),
      documentGuid: document.guid,
      codeGuid: normalizeGuid(s.codeGuid),
      start: s.start,
      end: s.end,
      coder: s.coder,
      createdAt: s.createdAt,
      participantRef: s.participantRef,
    });
  });
  data.observations = json.observations.map((o) => ({
    id: randomUUID(),
    participantRef: o.participantRef,
    indicator: o.indicator,
    value: o.value,
    observedAt: o.observedAt,
    source: 'import',
    segmentId: null,
    documentGuid: null,
  }));
  return data;
}
