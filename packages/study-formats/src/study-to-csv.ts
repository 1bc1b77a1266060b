/** A study as CSV: one row per coded segment, every text cell escaped against formula injection. */
import { type CsvCell, toCsv } from './csv-writer';
import type { LoadedStudy } from './loaded-study';

export const segmentCsvHeader = [
  'study',
  'document',
  'source_guid',
  'participant',
  'selection_guid',
  'code',
  'code_guid',
  'indicator',
  'start',
  'end',
  'text',
  'coder',
] as const;

export function studyToCsv(study: LoadedStudy): string {
  const documents = new Map(study.documents.map((d) => [d.guid, d]));
  const participants = new Map(study.participants.map((p) => [p.ref, p.name]));
  const codes = new Map(study.codes.map((c) => [c.guid, c]));
  const rows: CsvCell[][] = study.segments.map((s) => {
    const document = documents.get(s.sourceGuid);
    const participantRef = s.participantRef ?? document?.participantRef ?? null;
    return [
      study.study.name,
      document?.name ?? '',
      s.sourceGuid,
      participantRef === null ? '' : (participants.get(participantRef) ?? ''),
      s.selectionGuid,
      s.code,
      s.codeGuid,
      codes.get(s.codeGuid)?.indicator ?? '',
      s.start,
      s.end,
      s.text,
      s.coder,
    ];
  });
  return toCsv(segmentCsvHeader, rows);
}
