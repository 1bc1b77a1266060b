/**
 * "Was this recommendation useful" (ADR 0042): per catalog card, how its closed actions ended (done,
 * not needed, did not help), from the actions about one PSW and the team actions alike. Shown to
 * admins and exported for research only through `suppressSmallCells` with the organisation's k, so no
 * hidden cell can be worked out from a total minus the shown cells. Counted up to the end of the last
 * month only, like the team view: a table that moved with every closed action would give away one
 * action's outcome by comparing two looks at it.
 */
import { countCardOutcomes } from '@peerbridge/db';
import { cardIds, determinedPlaces, type SuppressedTable, suppressSmallCells } from '@peerbridge/domain';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTrx } from '../db';
import { todayIso } from '../db';
import { loadOrganizationSettings } from '../organization/organization-settings';
import { firstDayOf, periodOf } from './periods';

/** The outcome columns, in the order they are shown and exported. */
export const usefulnessColumns = ['done', 'not_needed', 'did_not_help'] as const;

export interface CardUsefulness {
  /** Actions closed before this day are counted (the first day of the current month). */
  closedBefore: string;
  /** Rows: every catalog card, always listed, so a row's presence says nothing. */
  table: SuppressedTable;
}

async function usefulnessTable(db: DbOrTrx, actor: Actor): Promise<CardUsefulness> {
  requireRole(actor, 'admin');
  const closedBefore = firstDayOf(periodOf(todayIso()));
  const { smallCellK } = await loadOrganizationSettings(db, actor.organizationId);
  const counted = new Map(
    (await countCardOutcomes(db, actor.organizationId, { closedBefore })).map((c) => [c.cardId, c]),
  );
  const rows = [...cardIds];
  const counts = rows.map((id) => {
    const c = counted.get(id);
    return [c?.done ?? 0, c?.notNeeded ?? 0, c?.didNotHelp ?? 0];
  });
  const table = suppressSmallCells({ rows, columns: [...usefulnessColumns], counts }, { k: smallCellK });
  // Never release a table whose shown numbers give a hidden one away (the differencing attack).
  if (determinedPlaces(table).length > 0) throw new Error('The usefulness table would reveal a hidden count');
  return { closedBefore, table };
}

/** The admin's view of the measure. */
export async function cardUsefulness(db: Db, actor: Actor): Promise<CardUsefulness> {
  return usefulnessTable(db, actor);
}

export interface CardUsefulnessExport {
  filename: string;
  csv: string;
}

const cell = (v: number | null): string => (v === null ? 'hidden' : String(v));

/**
 * The same table as CSV for research (audited): one row per card, hidden cells as `hidden`, the column
 * totals last. Nothing in it is more than the admin's view shows.
 */
export async function exportCardUsefulness(db: Db, actor: Actor): Promise<CardUsefulnessExport> {
  return db.transaction().execute(async (trx) => {
    const { closedBefore, table } = await usefulnessTable(trx, actor);
    const lines = [
      ['card_id', ...usefulnessColumns, 'total'].join(','),
      ...table.rows.map((id, r) => [id, ...table.cells[r]!.map(cell), cell(table.rowTotals[r]!)].join(',')),
      ['total', ...table.columnTotals.map(cell), cell(table.total)].join(','),
    ];
    await recordAudit(trx, actor, {
      action: 'card_usefulness.export',
      entityType: 'organization',
      entityId: actor.organizationId,
      details: { closedBefore, k: table.k },
    });
    return {
      filename: `card-usefulness-before-${closedBefore}.csv`,
      csv: `# k=${table.k}; actions closed before ${closedBefore}\n${lines.join('\n')}\n`,
    };
  });
}
