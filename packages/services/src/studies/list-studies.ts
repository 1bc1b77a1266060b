/** The actor's own studies with their sizes and imports: what a researcher may analyse or export. */
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import type { Db } from '../db';

export interface OwnStudy {
  id: string;
  name: string;
  createdAt: string;
  participants: number;
  documents: number;
  codes: number;
  segments: number;
  imports: number;
}

export async function listOwnStudies(db: Db, actor: Actor): Promise<OwnStudy[]> {
  requireRole(actor, 'researcher');
  const rows = await db
    .selectFrom('study as s')
    .select([
      's.id',
      's.name',
      's.created_at',
      (eb) =>
        eb
          .selectFrom('participant as t')
          .whereRef('t.study_id', '=', 's.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('participants'),
      (eb) =>
        eb
          .selectFrom('document as t')
          .whereRef('t.study_id', '=', 's.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('documents'),
      (eb) =>
        eb
          .selectFrom('code as t')
          .whereRef('t.study_id', '=', 's.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('codes'),
      (eb) =>
        eb
          .selectFrom('coded_segment as t')
          .whereRef('t.study_id', '=', 's.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('segments'),
      (eb) =>
        eb
          .selectFrom('import_run as t')
          .whereRef('t.study_id', '=', 's.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('imports'),
    ])
    .where('s.organization_id', '=', actor.organizationId)
    .where('s.owner_user_id', '=', actor.userId)
    .orderBy('s.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    participants: Number(r.participants),
    documents: Number(r.documents),
    codes: Number(r.codes),
    segments: Number(r.segments),
    imports: Number(r.imports),
  }));
}
