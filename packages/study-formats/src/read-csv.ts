/**
 * CSV tables as study data: participants with their attributes, coded segments as QDA tools export
 * quotation tables (document, code, start, end, text, coder), and observations. Offsets are UTF-16
 * code units (JavaScript string positions), end exclusive, like the rest of PeerBridge.
 */
import { randomUUID } from 'node:crypto';
import { indicatorIds, observationSchema } from '@peerbridge/domain';
import { z } from 'zod';
import { type CsvTable, parseCsvText, requireColumns, validateRows } from './csv-file';
import { codeGuidFor, documentGuidFor, selectionGuidFor } from './csv-guids';
import type { ExistingStudy } from './existing-study';
import { participantFromVariables } from './participant-variables';
import { emptyStudyData, type StudyData } from './study-data';
import { StudyInputError } from './study-input-error';
import { readTextFile } from './text-file';

export type CsvKind = 'participants' | 'segments' | 'observations';

/** The first of `names` that is a column of the table. */
function pick(table: CsvTable, names: ReadonlyArray<string>): string | undefined {
  const lower = table.columns.map((c) => c.toLowerCase());
  const index = names.map((n) => lower.indexOf(n)).find((i) => i >= 0);
  return index === undefined ? undefined : table.columns[index];
}

/** Which table this is, from its header. */
export function detectCsvKind(table: CsvTable): CsvKind {
  if (pick(table, ['indicator']) && pick(table, ['value'])) return 'observations';
  if (pick(table, ['start']) && pick(table, ['end'])) return 'segments';
  if (pick(table, ['participant', 'name', 'case'])) return 'participants';
  throw new StudyInputError(
    'invalid_input',
    `cannot tell what this CSV holds from its header (${table.columns.join(', ')})`,
    {
      location: { file: table.file, line: 1 },
      expected:
        'participants (participant, setting, age, gender, tenure), segments (document, code, start, end, text, coder) or observations (participant, indicator, value, observed_at)',
    },
  );
}

function participantRef(name: string, existing: ExistingStudy): string {
  return existing.participantsByName.get(name) ?? `name:${name}`;
}

function readParticipants(table: CsvTable, existing: ExistingStudy, data: StudyData): void {
  const key = pick(table, ['participant', 'name', 'case']) as string;
  const rows = validateRows(
    table,
    z.record(z.string(), z.string()).refine((r) => (r[key] ?? '').trim() !== '', {
      message: `expected a participant name in column "${key}"`,
      path: [key],
    }),
  );
  const seen = new Set<string>();
  for (const { line, row } of rows) {
    const name = (row[key] as string).trim();
    if (seen.has(name))
      throw new StudyInputError('invalid_input', `participant "${name}" is listed twice`, {
        location: { file: table.file, line },
      });
    seen.add(name);
    const variables = Object.entries(row)
      .filter(([column, value]) => column !== key && value.trim() !== '')
      .map(([column, value]) => ({ name: column, value: value.trim() }));
    data.participants.push(
      participantFromVariables(participantRef(name, existing), name, variables, {}, (w) =>
        data.warnings.push(`line ${line}: ${w}`),
      ),
    );
  }
}

const offset = z
  .string()
  .trim()
  .regex(/^\d+$/, { message: 'expected a whole number >= 0' })
  .transform(Number);

function readSegments(table: CsvTable, existing: ExistingStudy, data: StudyData): void {
  requireColumns(table, ['document', 'code', 'start', 'end', 'text'], 'coded segments');
  const rows = validateRows(
    table,
    z
      .object({
        document: z.string().trim().min(1, { message: 'expected a document name' }),
        code: z.string().trim().min(1, { message: 'expected a code name' }),
        start: offset,
        end: offset,
        text: z.string(),
        coder: z.string().optional(),
        participant: z.string().optional(),
      })
      .refine((r) => r.end > r.start, { message: 'expected end > start', path: ['end'] })
      .refine((r) => r.text.length === r.end - r.start, {
        message: 'expected the text to be exactly end - start characters (UTF-16 code units) long',
        path: ['text'],
      }),
  );
  // Documents the study does not have yet are rebuilt from their segments: each segment's text at
  // its offsets, unknown stretches as spaces. Overlapping segments must agree character by character.
  const rebuilt = new Map<string, { chars: string[]; participant: string | null }>();
  const codes = new Map<string, string>();
  for (const { line, row } of rows) {
    const known = existing.documentsByName.get(row.document);
    const location = { file: table.file, line, element: 'column "text"' };
    if (known) {
      const actual = known.text.slice(row.start, row.end);
      if (actual !== row.text) {
        throw new StudyInputError(
          'invalid_input',
          `the text does not match document "${row.document}" at ${row.start}..${row.end}: the document has ${JSON.stringify(actual.slice(0, 60))}`,
          { location },
        );
      }
    } else {
      let doc = rebuilt.get(row.document);
      if (!doc) {
        doc = { chars: [], participant: null };
        rebuilt.set(row.document, doc);
      }
      for (let i = 0; i < row.text.length; i++) {
        const at = row.start + i;
        const previous = doc.chars[at];
        const ch = row.text[i] as string;
        if (previous !== undefined && previous !== ch) {
          throw new StudyInputError(
            'invalid_input',
            `segment text disagrees with an overlapping segment of "${row.document}" at position ${at}`,
            { location },
          );
        }
        doc.chars[at] = ch;
      }
      const participant = row.participant?.trim();
      if (participant) doc.participant = participant;
    }
    const codeGuid = existing.codesByName.get(row.code) ?? codeGuidFor(row.code);
    codes.set(row.code, codeGuid);
    const documentGuid = known?.guid ?? documentGuidFor(row.document);
    const participant = row.participant?.trim();
    data.segments.push({
      id: randomUUID(),
      selectionGuid: selectionGuidFor(row.document, row.start, row.end),
      documentGuid,
      codeGuid,
      start: row.start,
      end: row.end,
      coder: row.coder?.trim() || null,
      createdAt: null,
      participantRef: participant ? participantRef(participant, existing) : null,
    });
  }
  for (const [name, doc] of rebuilt) {
    const text = Array.from({ length: doc.chars.length }, (_, i) => doc.chars[i] ?? ' ').join('');
    const participant = doc.participant === null ? null : participantRef(doc.participant, existing);
    data.documents.push({ guid: documentGuidFor(name), name, text, participantRef: participant, date: null });
  }
  if (rebuilt.size > 0) {
    data.warnings.push(
      `${rebuilt.size} document(s) are new; their text is rebuilt from the segments (uncoded stretches are spaces)`,
    );
  }
  for (const s of data.segments) {
    if (
      s.participantRef !== null &&
      !data.participants.some((p) => p.ref === s.participantRef) &&
      s.participantRef.startsWith('name:')
    ) {
      data.participants.push({
        ref: s.participantRef,
        name: s.participantRef.slice(5),
        setting: null,
        attributes: {},
      });
    }
  }
  for (const d of data.documents) {
    if (d.participantRef?.startsWith('name:') && !data.participants.some((p) => p.ref === d.participantRef)) {
      data.participants.push({
        ref: d.participantRef,
        name: d.participantRef.slice(5),
        setting: null,
        attributes: {},
      });
    }
  }
  for (const [name, guid] of codes) {
    if (!existing.codesByName.has(name))
      data.codes.push({ guid, name, parentGuid: null, isCodable: true, indicator: null, mappedBy: null });
  }
}

/** `true`/`yes`/`1` and `false`/`no`/`0` for yes/no indicators; numbers otherwise. */
function parseValue(raw: string): number | boolean | string {
  const v = raw.trim().toLowerCase();
  if (v === 'true' || v === 'yes' || v === 'ano') return true;
  if (v === 'false' || v === 'no' || v === 'ne') return false;
  return v !== '' && Number.isFinite(Number(v)) ? Number(v) : raw;
}

function readObservations(table: CsvTable, existing: ExistingStudy, data: StudyData): void {
  requireColumns(table, ['participant', 'indicator', 'value'], 'observations');
  const dateColumn = pick(table, ['observed_at', 'date', 'observedat']);
  if (!dateColumn) requireColumns(table, ['observed_at'], 'observations');
  const participants = new Set<string>();
  table.rows.forEach(({ line, values }) => {
    const name = (values.participant ?? '').trim();
    const candidate = {
      id: randomUUID(),
      workerId: name,
      indicator: (values.indicator ?? '').trim(),
      value: parseValue(values.value ?? ''),
      observedAt: (values[dateColumn as string] ?? '').trim(),
      source: 'import' as const,
    };
    const result = observationSchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      const column =
        field === 'workerId' ? 'participant' : field === 'observedAt' ? (dateColumn as string) : field;
      const hint = field === 'indicator' ? ` (one of ${indicatorIds.slice(0, 4).join(', ')}, ...)` : '';
      throw new StudyInputError(
        'invalid_input',
        `column "${column}": ${issue?.message ?? 'invalid value'}${hint}`,
        {
          location: {
            file: table.file,
            line,
            column: table.columns.indexOf(column) + 1 || undefined,
            element: `column "${column}"`,
          },
        },
      );
    }
    const ref = participantRef(name, existing);
    if (!participants.has(ref)) {
      participants.add(ref);
      if (ref.startsWith('name:')) data.participants.push({ ref, name, setting: null, attributes: {} });
    }
    const value = result.data.value;
    data.observations.push({
      id: result.data.id,
      participantRef: ref,
      indicator: result.data.indicator,
      value: typeof value === 'boolean' ? (value ? 1 : 0) : value,
      observedAt: result.data.observedAt,
      source: 'import',
      segmentId: null,
      documentGuid: null,
    });
  });
}

/** Read a CSV file of the given kind (or the kind its header shows). */
export async function readCsvStudyData(
  file: string,
  kind: CsvKind | undefined,
  existing: ExistingStudy,
): Promise<StudyData> {
  const table = parseCsvText(await readTextFile(file), file);
  if (table.rows.length === 0)
    throw new StudyInputError('invalid_input', 'the CSV has a header but no rows', {
      location: { file, line: 2 },
    });
  const actual = kind ?? detectCsvKind(table);
  const data = emptyStudyData(`csv-${actual}`);
  if (actual === 'participants') readParticipants(table, existing, data);
  else if (actual === 'segments') readSegments(table, existing, data);
  else readObservations(table, existing, data);
  return data;
}
