/** Test support: a long document coded by two coders, heavy enough to keep an analysis worker busy a while. */
import { insertInChunks } from '@peerbridge/db';
import type { Db } from '@peerbridge/services';

export const HEAVY_PARAGRAPHS = 1000;
export const HEAVY_SEGMENTS_PER_CODER = 3000;
export const HEAVY_PARAGRAPH = 'A paragraph about the team and the clients, long enough to be coded twice.';

/** Adds document `heavy-doc` to the study, with segments of codes `codeIds[0]` and `codeIds[1]` by two coders. */
export async function addHeavyDocument(db: Db, studyId: string, codeIds: readonly [string, string]) {
  const text = Array.from({ length: HEAVY_PARAGRAPHS }, () => HEAVY_PARAGRAPH).join('\n');
  await db
    .insertInto('document')
    .values({
      id: `heavy-doc-${studyId}`,
      study_id: studyId,
      source_guid: `heavy-g-${studyId}`,
      name: 'Heavy',
      text,
      participant_id: null,
    })
    .execute();
  const rows: Record<string, string | number | null>[] = [];
  const step = HEAVY_PARAGRAPH.length + 1;
  for (const coder of ['coder-1', 'coder-2']) {
    for (let i = 0; i < HEAVY_SEGMENTS_PER_CODER; i++) {
      const p = (i * 7 + (coder === 'coder-1' ? 0 : 3)) % HEAVY_PARAGRAPHS;
      rows.push({
        id: `heavy-${studyId}-${coder}-${i}`,
        study_id: studyId,
        document_id: `heavy-doc-${studyId}`,
        code_id: i % 2 === 0 ? codeIds[0] : codeIds[1],
        selection_guid: `heavy-sel-${studyId}-${coder}-${i}`,
        start_offset: p * step,
        end_offset: p * step + 20 + (i % 30),
        coder,
        created_at_source: null,
      });
    }
  }
  await insertInChunks(
    db,
    'coded_segment',
    [
      'id',
      'study_id',
      'document_id',
      'code_id',
      'selection_guid',
      'start_offset',
      'end_offset',
      'coder',
      'created_at_source',
    ],
    rows,
  );
}
