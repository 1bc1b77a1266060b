/** Research studies of an organisation: create, list, read with counts, delete. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { byName } from './name-order';
import { nowTimestamp } from './timestamps';

export interface StudyRecord {
  id: string;
  organizationId: string;
  name: string;
  ownerUserId: string;
  createdAt: string;
}

export interface StudyWithCounts extends StudyRecord {
  participants: number;
  documents: number;
  codes: number;
  codedSegments: number;
  observations: number;
  imports: number;
}

const columns = [
  'study.id as id',
  'study.organization_id as organizationId',
  'study.name as name',
  'study.owner_user_id as ownerUserId',
  'study.created_at as createdAt',
] as const;

export async function createStudy(
  db: Kysely<Database>,
  organizationId: string,
  input: { id?: string; name: string; ownerUserId: string },
): Promise<StudyRecord> {
  const record: StudyRecord = {
    id: input.id ?? randomUUID(),
    organizationId,
    name: input.name,
    ownerUserId: input.ownerUserId,
    createdAt: nowTimestamp(),
  };
  await db
    .insertInto('study')
    .values({
      id: record.id,
      organization_id: organizationId,
      name: record.name,
      owner_user_id: record.ownerUserId,
      created_at: record.createdAt,
    })
    .execute();
  return record;
}

/** Studies of an organisation, optionally only those a researcher owns, sorted by name. */
export async function listStudies(
  db: Kysely<Database>,
  organizationId: string,
  filter: { ownerUserId?: string } = {},
): Promise<StudyRecord[]> {
  let query = db.selectFrom('study').select(columns).where('study.organization_id', '=', organizationId);
  if (filter.ownerUserId !== undefined) query = query.where('study.owner_user_id', '=', filter.ownerUserId);
  const rows = await query.execute();
  return rows.sort(
    byName(
      (s) => s.name,
      (s) => s.id,
    ),
  );
}

export async function findStudyByName(
  db: Kysely<Database>,
  organizationId: string,
  name: string,
): Promise<StudyRecord | null> {
  const row = await db
    .selectFrom('study')
    .select(columns)
    .where('study.organization_id', '=', organizationId)
    .where('study.name', '=', name)
    .executeTakeFirst();
  return row ?? null;
}

/** One study with how many participants, documents, codes, segments, observations and imports it holds. */
export async function getStudyWithCounts(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
): Promise<StudyWithCounts | null> {
  type Counted = 'participant' | 'document' | 'code' | 'coded_segment' | 'study_observation' | 'import_run';
  const row = await db
    .selectFrom('study')
    .select((eb) => {
      const count = (table: Counted) =>
        eb
          .selectFrom(table)
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .whereRef(`${table}.study_id`, '=', 'study.id');
      return [
        ...columns,
        count('participant').as('participants'),
        count('document').as('documents'),
        count('code').as('codes'),
        count('coded_segment').as('codedSegments'),
        count('study_observation').as('observations'),
        count('import_run').as('imports'),
      ];
    })
    .where('study.organization_id', '=', organizationId)
    .where('study.id', '=', studyId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...row,
    participants: Number(row.participants),
    documents: Number(row.documents),
    codes: Number(row.codes),
    codedSegments: Number(row.codedSegments),
    observations: Number(row.observations),
    imports: Number(row.imports),
  };
}

/** Deletes a study and, by cascade, everything imported into it. */
export async function deleteStudy(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('study')
    .where('organization_id', '=', organizationId)
    .where('id', '=', studyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Throws unless the study exists in the organisation: the guard of every study-scoped write. */
export async function assertStudyInOrganization(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
): Promise<void> {
  const row = await db
    .selectFrom('study')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', studyId)
    .executeTakeFirst();
  if (!row) throw new Error(`Study ${studyId} does not exist in organization ${organizationId}`);
}
