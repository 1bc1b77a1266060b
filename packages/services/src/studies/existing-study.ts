/** What a study already holds, by the names CSV files use to refer to it (documents, codes, participants). */
import type { ExistingStudy } from '@peerbridge/study-formats';
import type { DbOrTrx } from '../db';

export async function loadExistingStudy(db: DbOrTrx, studyId: string): Promise<ExistingStudy> {
  const [documents, codes, participants] = await Promise.all([
    db
      .selectFrom('document')
      .select(['name', 'source_guid', 'text'])
      .where('study_id', '=', studyId)
      .execute(),
    db.selectFrom('code').select(['name', 'guid']).where('study_id', '=', studyId).execute(),
    db
      .selectFrom('participant')
      .select(['pseudonym', 'external_ref'])
      .where('study_id', '=', studyId)
      .execute(),
  ]);
  const participantsByName = new Map<string, string>();
  for (const p of participants) {
    participantsByName.set(p.external_ref, p.external_ref);
    participantsByName.set(p.pseudonym, p.external_ref);
  }
  return {
    documentsByName: new Map(documents.map((d) => [d.name, { guid: d.source_guid, text: d.text }])),
    codesByName: new Map(codes.map((c) => [c.name, c.guid])),
    participantsByName,
  };
}
