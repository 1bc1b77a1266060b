/**
 * A study as CSV tables for R, SPSS, Python and spreadsheets: one row per coded segment, one per
 * participant with their variables as columns, or one per code with its frequencies. Codes are named by
 * their whole path ("Family > Support"), so two codes of the same name in different branches stay apart.
 */
import { type CsvCell, type CsvWriteOptions, toCsv } from './csv-writer';
import type { LoadedStudy } from './loaded-study';

/** The tables a study exports as CSV. */
export const studyCsvTables = ['segments', 'participants', 'codes'] as const;
export type StudyCsvTable = (typeof studyCsvTables)[number];

export interface StudyCsvOptions extends CsvWriteOptions {
  /** Which table (default `segments`). */
  table?: StudyCsvTable | undefined;
}

/** Between the names of a code path: `Family > Support`. */
export const CODE_PATH_SEPARATOR = ' > ';

export const segmentCsvHeader = [
  'study',
  'document',
  'source_guid',
  'participant',
  'selection_guid',
  'code',
  'code_path',
  'code_guid',
  'indicator',
  'start',
  'end',
  'text',
  'coder',
] as const;

export const codeCsvHeader = [
  'code_guid',
  'code_path',
  'code',
  'parent_guid',
  'indicator',
  'codable',
  'segments',
  'documents',
  'participants',
  'coders',
] as const;

/** The fixed columns of the participants table; each variable then gets a column of its own. */
export const participantCsvHeader = ['participant', 'setting', 'documents', 'segments'] as const;

type Code = LoadedStudy['codes'][number];

/** Each code's path from the root, by guid. A parent missing from the study ends the path there. */
export function codePaths(codes: ReadonlyArray<Code>): Map<string, string> {
  const byGuid = new Map(codes.map((c) => [c.guid, c]));
  const paths = new Map<string, string>();
  const pathOf = (code: Code): string => {
    const known = paths.get(code.guid);
    if (known !== undefined) return known;
    const names = [code.name];
    const seen = new Set([code.guid]);
    let parent = code.parentGuid === null ? undefined : byGuid.get(code.parentGuid);
    // A cycle in a hostile file stops at the first repeat instead of looping.
    while (parent !== undefined && !seen.has(parent.guid)) {
      seen.add(parent.guid);
      names.push(parent.name);
      parent = parent.parentGuid === null ? undefined : byGuid.get(parent.parentGuid);
    }
    const path = names.reverse().join(CODE_PATH_SEPARATOR);
    paths.set(code.guid, path);
    return path;
  };
  for (const code of codes) pathOf(code);
  return paths;
}

/** The participant a segment belongs to: its own, else its document's. */
function participantOf(
  segment: LoadedStudy['segments'][number],
  documents: Map<string, LoadedStudy['documents'][number]>,
): string | null {
  return segment.participantRef ?? documents.get(segment.sourceGuid)?.participantRef ?? null;
}

function segmentsTable(study: LoadedStudy, options: CsvWriteOptions): string {
  const documents = new Map(study.documents.map((d) => [d.guid, d]));
  const participants = new Map(study.participants.map((p) => [p.ref, p.name]));
  const codes = new Map(study.codes.map((c) => [c.guid, c]));
  const paths = codePaths(study.codes);
  const rows: CsvCell[][] = study.segments.map((s) => {
    const participantRef = participantOf(s, documents);
    return [
      study.study.name,
      documents.get(s.sourceGuid)?.name ?? '',
      s.sourceGuid,
      participantRef === null ? '' : (participants.get(participantRef) ?? ''),
      s.selectionGuid,
      s.code,
      paths.get(s.codeGuid) ?? s.code,
      s.codeGuid,
      codes.get(s.codeGuid)?.indicator ?? '',
      s.start,
      s.end,
      s.text,
      s.coder,
    ];
  });
  return toCsv(segmentCsvHeader, rows, options);
}

function codesTable(study: LoadedStudy, options: CsvWriteOptions): string {
  const documents = new Map(study.documents.map((d) => [d.guid, d]));
  const paths = codePaths(study.codes);
  const tally = new Map<
    string,
    { segments: number; documents: Set<string>; participants: Set<string>; coders: Set<string> }
  >();
  for (const s of study.segments) {
    let t = tally.get(s.codeGuid);
    if (t === undefined) {
      t = { segments: 0, documents: new Set(), participants: new Set(), coders: new Set() };
      tally.set(s.codeGuid, t);
    }
    t.segments++;
    t.documents.add(s.sourceGuid);
    const participant = participantOf(s, documents);
    if (participant !== null) t.participants.add(participant);
    if (s.coder !== null) t.coders.add(s.coder);
  }
  const rows: CsvCell[][] = [...study.codes]
    .sort((a, b) => ((paths.get(a.guid) ?? '') < (paths.get(b.guid) ?? '') ? -1 : 1))
    .map((c) => {
      const t = tally.get(c.guid);
      return [
        c.guid,
        paths.get(c.guid) ?? c.name,
        c.name,
        c.parentGuid,
        c.indicator,
        c.isCodable,
        t?.segments ?? 0,
        t?.documents.size ?? 0,
        t?.participants.size ?? 0,
        t?.coders.size ?? 0,
      ];
    });
  return toCsv(codeCsvHeader, rows, options);
}

function participantsTable(study: LoadedStudy, options: CsvWriteOptions): string {
  const documents = new Map(study.documents.map((d) => [d.guid, d]));
  const variables = [...new Set(study.participants.flatMap((p) => Object.keys(p.attributes)))].sort();
  const documentCount = new Map<string, number>();
  for (const d of study.documents)
    if (d.participantRef !== null)
      documentCount.set(d.participantRef, (documentCount.get(d.participantRef) ?? 0) + 1);
  const segmentCount = new Map<string, number>();
  for (const s of study.segments) {
    const participant = participantOf(s, documents);
    if (participant !== null) segmentCount.set(participant, (segmentCount.get(participant) ?? 0) + 1);
  }
  const rows: CsvCell[][] = study.participants.map((p) => {
    const row: CsvCell[] = [p.name, p.setting, documentCount.get(p.ref) ?? 0, segmentCount.get(p.ref) ?? 0];
    for (const v of variables) row.push(p.attributes[v]);
    return row;
  });
  // A variable named like a fixed column keeps both apart.
  const header = [
    ...participantCsvHeader,
    ...variables.map((v) => (participantCsvHeader.includes(v as never) ? `variable_${v}` : v)),
  ];
  return toCsv(header, rows, options);
}

/** One table of `study` as CSV (default: the segments). */
export function studyToCsv(study: LoadedStudy, options: StudyCsvOptions = {}): string {
  const { table = 'segments', ...write } = options;
  if (table === 'codes') return codesTable(study, write);
  if (table === 'participants') return participantsTable(study, write);
  return segmentsTable(study, write);
}
