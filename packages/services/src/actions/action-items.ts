/** Action items from accepted cards: a supervisor lists those of the PSWs they supervise and marks them done. */
import { z } from 'zod';
import { loadSupervisedWorker, requireSupervisor } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, nowIso } from '../db';
import { conflict, notFound, parseServiceInput } from '../errors';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { idSchema } from '../schemas';
import { type ActionItem, toActionItem } from '../workers/get-worker-assessment';

export const listActionsInput = z
  .object({
    workerId: idSchema.optional(),
    status: z.enum(['open', 'done', 'all'], { message: 'expected open, done or all' }).default('open'),
    ...pageFields(100, 200),
  })
  .optional();

export interface ActionItemWithWorker extends ActionItem {
  workerName: string;
}

export async function listActions(
  db: Db,
  actor: Actor,
  input?: z.input<typeof listActionsInput>,
): Promise<Page<ActionItemWithWorker>> {
  requireSupervisor(actor);
  const parsed = parseServiceInput(listActionsInput, input) ?? {
    status: 'open' as const,
    limit: 100,
    cursor: undefined,
  };
  // The cursor is the count of rows already shown: whatever order the list uses, pages never overlap
  // while the list is unchanged. Open actions are a short list; the page cap bounds each read.
  const [offset] = parsed.cursor ? decodeCursor(parsed.cursor, ['number'] as const) : [0];
  if (parsed.workerId !== undefined) await loadSupervisedWorker(db, actor, parsed.workerId);
  let query = db
    .selectFrom('action_item as i')
    .innerJoin('supervisor_assignment as a', (j) =>
      j.onRef('a.peer_worker_id', '=', 'i.peer_worker_id').on('a.supervisor_user_id', '=', actor.userId),
    )
    .innerJoin('peer_worker as w', 'w.id', 'i.peer_worker_id')
    .selectAll('i')
    .select('w.display_name')
    .where('i.organization_id', '=', actor.organizationId);
  if (parsed.workerId !== undefined) query = query.where('i.peer_worker_id', '=', parsed.workerId);
  if (parsed.status !== 'all') query = query.where('i.status', '=', parsed.status);
  const rows = await query
    .orderBy('i.due_on')
    .orderBy('i.id')
    .limit(parsed.limit + 1)
    .offset(Math.max(0, Math.floor(offset)))
    .execute();
  const shown = Math.max(0, Math.floor(offset));
  return toPage(
    rows,
    parsed.limit,
    (_r) => [shown + parsed.limit],
    (r) => ({ ...toActionItem(r), workerName: r.display_name }),
  );
}

export const completeActionInput = z.object({ actionId: idSchema });

export async function completeAction(
  db: Db,
  actor: Actor,
  input: z.input<typeof completeActionInput>,
): Promise<ActionItem> {
  requireSupervisor(actor);
  const { actionId } = parseServiceInput(completeActionInput, input);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('action_item as i')
      .innerJoin('supervisor_assignment as a', (j) =>
        j.onRef('a.peer_worker_id', '=', 'i.peer_worker_id').on('a.supervisor_user_id', '=', actor.userId),
      )
      .selectAll('i')
      .where('i.id', '=', actionId)
      .where('i.organization_id', '=', actor.organizationId)
      .executeTakeFirst();
    if (!row) throw notFound('Action item');
    if (row.status === 'done') throw conflict('This action item is already done');
    const completedAt = nowIso();
    await trx
      .updateTable('action_item')
      .set({ status: 'done', completed_at: completedAt })
      .where('id', '=', actionId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'action.complete',
      entityType: 'action_item',
      entityId: actionId,
      details: { workerId: row.peer_worker_id },
    });
    return toActionItem({ ...row, status: 'done', completed_at: completedAt });
  });
}
