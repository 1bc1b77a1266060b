/**
 * What the research view's analyses read from a study: its coded segments, its texts (agreement's units
 * are cut from them) and its cohort. The analysis worker runs these on its own read-only connection
 * (issue 10), so the server's thread reads none of it; the CLI and tests run them in process.
 * Nothing here checks who asks: the services do that, and audit, before a task is dispatched.
 * Memory grows with the segments and, for agreement, with the study's texts: each query reads a bounded
 * chunk, but agreement holds the texts whole, since sentences and character-level agreement (issue 13)
 * need them and the one domain `agreementReport` computes every unit.
 */
import type { CodedSegment, CohortInput, Observation, UnitDocument } from '@peerbridge/domain';
import { sql } from 'kysely';
import { type DbOrTrx, todayIso } from '../db';
import { toObservation } from '../evidence/observation-rows';
import { inSetScope, type StudySetScope } from './study-sets';

/** Segments read per query (keyset pages by id). */
export const SEGMENT_PAGE_SIZE = 5000;
/** Characters of a document's text read per query: the most of a source held at once. */
export const TEXT_CHUNK_CHARS = 1_000_000;

/** The study's coded segments (only those inside `scope`, a set, when one is given) and its codes' names. */
export async function readCodedSegments(
  db: DbOrTrx,
  studyId: string,
  scope: StudySetScope | null = null,
): Promise<{ segments: CodedSegment[]; codeNames: Record<string, string> }> {
  const codes = await db.selectFrom('code').select(['id', 'name']).where('study_id', '=', studyId).execute();
  const segments: CodedSegment[] = [];
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('coded_segment')
      .select(['id', 'document_id', 'code_id', 'start_offset', 'end_offset', 'coder'])
      .where('study_id', '=', studyId)
      .orderBy('id')
      .limit(SEGMENT_PAGE_SIZE);
    if (after !== null) query = query.where('id', '>', after);
    const page = await query.execute();
    for (const s of page) {
      // Zero-length selections carry no text to overlap; the domain refuses them, so they are left out here.
      if (s.end_offset <= s.start_offset) continue;
      if (!inSetScope(scope, { documentId: s.document_id, codeId: s.code_id })) continue;
      const segment: CodedSegment = {
        id: s.id,
        documentId: s.document_id,
        codeId: s.code_id,
        start: s.start_offset,
        end: s.end_offset,
      };
      if (s.coder) segment.coderId = s.coder;
      segments.push(segment);
    }
    if (page.length < SEGMENT_PAGE_SIZE) break;
    after = page[page.length - 1]!.id;
  }
  return { segments, codeNames: Object.fromEntries(codes.map((c) => [c.id, c.name])) };
}

/**
 * Every document's text, read in chunks of `chunkChars` characters. `substr` and `length` count characters
 * on both dialects, so a chunk never splits one, and the joined chunks have the UTF-16 offsets segments use.
 * The texts are held whole: sentence units and character-level agreement need them (see the module note).
 * With `scope` (a set), only the set's documents.
 */
export async function readDocumentTexts(
  db: DbOrTrx,
  studyId: string,
  chunkChars: number = TEXT_CHUNK_CHARS,
  scope: StudySetScope | null = null,
): Promise<UnitDocument[]> {
  const documents = await db
    .selectFrom('document')
    .select(['id', sql<number>`length(text)`.as('chars')])
    .where('study_id', '=', studyId)
    .orderBy('id')
    .execute();
  const out: UnitDocument[] = [];
  for (const { id, chars } of documents) {
    if (!inSetScope(scope, { documentId: id })) continue;
    const chunks: string[] = [];
    for (let from = 1; from <= Number(chars); from += chunkChars) {
      const row = await db
        .selectFrom('document')
        .select(sql<string>`substr(text, ${from}, ${chunkChars})`.as('chunk'))
        .where('id', '=', id)
        .executeTakeFirst();
      if (row) chunks.push(row.chunk);
    }
    out.push({ id, text: chunks.join('') });
  }
  return out;
}

/**
 * The cohort's participants and observations; `asOf` defaults to the latest observation of the study,
 * so the whole study is in view. `originalLabels`: participant id -> the label the import stored.
 */
export async function readCohortInput(
  db: DbOrTrx,
  studyId: string,
  asOf: string | null,
): Promise<{ input: CohortInput; originalLabels: Record<string, string> }> {
  const [participants, rows] = await Promise.all([
    db
      .selectFrom('participant')
      .select(['id', 'pseudonym', 'setting'])
      .where('study_id', '=', studyId)
      .orderBy('pseudonym')
      .execute(),
    db
      .selectFrom('study_observation')
      .select(['id', 'participant_id', 'indicator', 'value', 'observed_at', 'source'])
      .where('study_id', '=', studyId)
      .execute(),
  ]);
  const observations: Observation[] = rows.map((r) =>
    toObservation({
      id: r.id,
      peer_worker_id: r.participant_id,
      unit_id: null,
      indicator: r.indicator,
      value: r.value,
      observed_at: r.observed_at,
      source: r.source,
      source_ref: null,
      recorded_by: null,
      note: null,
    }),
  );
  const latest = rows.reduce<string | null>(
    (max, r) => (max === null || r.observed_at > max ? r.observed_at : max),
    null,
  );
  return {
    input: {
      participants: participants.map((p) => ({ id: p.id, setting: p.setting ?? 'other' })),
      observations,
      asOf: asOf ?? latest ?? todayIso(),
    },
    // The column is named `pseudonym` for history; it holds whatever label the import stored.
    originalLabels: Object.fromEntries(participants.map((p) => [p.id, p.pseudonym])),
  };
}
