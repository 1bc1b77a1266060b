/**
 * "Was this recommendation useful" (ADR 0042), on both dialects: the outcomes of closed actions (about
 * one PSW and for a team) counted per card with small cells hidden, and the differencing attacks an
 * admin could try on what is shown: a total minus the shown cells of its row or column, and two looks
 * at the table before and after one more action is closed.
 */
import { cardIds, determinedPlaces } from '@peerbridge/domain';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionOutcome } from '../actions/action-item';
import { completeAction } from '../actions/action-items';
import { answerCard } from '../cards/answer-card';
import { addDays } from '../dates';
import { todayIso } from '../db';
import { codeOf } from '../test-support/code-of';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { acceptTeamCard } from './accept-team-card';
import { cardUsefulness, exportCardUsefulness } from './card-usefulness';
import { publishOrganizationSnapshots } from './publish-snapshots';
import { completeTeamAction } from './team-actions';

describe.each(testDialects())('card usefulness on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;
  const due = addDays(todayIso(), 7);
  const lastMonth = '2026-11-20T10:00:00.000Z';

  /** Accepts the card for the unit's team and closes it with the outcome, `times` times over. */
  const closeTeamActions = async (
    cardId: 'team_education' | 'define_psw_position',
    outcome: ActionOutcome,
    times: number,
  ) => {
    for (let i = 0; i < times; i++) {
      const { teamActionId } = await acceptTeamCard(db(), org.admin, {
        period: '2026-11',
        unitId: org.unitId,
        cardId,
        dueOn: due,
      });
      await completeTeamAction(db(), org.admin, { actionId: teamActionId, outcome });
    }
  };

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 6, flagged: 2, k: 5 });
    await publishOrganizationSnapshots(db(), 'org-1', '2026-12-02');
    await closeTeamActions('team_education', 'done', 6);
    // One action that did not help: the cell an attacker wants.
    await closeTeamActions('team_education', 'did_not_help', 1);
    await closeTeamActions('define_psw_position', 'not_needed', 5);
    // An action about one PSW counts too.
    const { actionItemId } = await answerCard(db(), org.supervisor, {
      workerId: org.workerIds[0] as string,
      cardId: 'equal_working_conditions',
      asOf: TODAY,
      decision: 'accepted',
      dueOn: due,
    });
    await completeAction(db(), org.supervisor, { actionId: actionItemId as string, outcome: 'done' });
    // All of it was closed last month, so this month's table counts it.
    await db()
      .updateTable('team_action')
      .set({ completed_at: lastMonth })
      .where('status', '=', 'done')
      .execute();
    await db()
      .updateTable('action_item')
      .set({ completed_at: lastMonth })
      .where('status', '=', 'done')
      .execute();
  });
  afterAll(() => mdb.close());

  /** What was closed, per card: done, not needed, did not help. */
  const raw: Record<string, number[]> = {
    team_education: [6, 0, 1],
    define_psw_position: [0, 5, 0],
    equal_working_conditions: [1, 0, 0],
  };
  const rawOf = (id: string) => raw[id] ?? [0, 0, 0];

  it('counts outcomes per card, every card listed; what is shown is true, and the small cells are hidden', async () => {
    const { table, closedBefore } = await cardUsefulness(db(), org.admin);
    expect(closedBefore).toBe(`${todayIso().slice(0, 7)}-01`);
    expect(table.k).toBe(5);
    expect(table.rows).toEqual([...cardIds]);
    expect(table.columns).toEqual(['done', 'not_needed', 'did_not_help']);
    table.rows.forEach((id, r) => {
      table.cells[r]?.forEach((v, c) => {
        if (v !== null) expect(v).toBe(rawOf(id)[c]);
      });
      const total = rawOf(id).reduce((s, x) => s + x, 0);
      if (table.rowTotals[r] !== null) expect(table.rowTotals[r]).toBe(total);
    });
    const at = (id: string) => table.rows.indexOf(id);
    // The one that did not help, and the one action about a PSW: both under k, both hidden.
    expect(table.cells[at('team_education')]?.[2]).toBeNull();
    expect(table.cellReasons[at('team_education')]?.[2]).toBe('small');
    expect(table.cells[at('equal_working_conditions')]?.[0]).toBeNull();
    expect(table.rowTotals[at('team_education')]).toBe(7);
    expect(table.total).toBe(13);
    expect(table.cells[at('keep_going')]).toEqual([0, 0, 0]);
  });

  it('the differencing attack: totals minus shown cells, repeated, recover no hidden place', async () => {
    const { table } = await cardUsefulness(db(), org.admin);
    // The naive attack on the wanted cell: its row total minus the other two cells.
    const r = table.rows.indexOf('team_education');
    const [done, notNeeded] = table.cells[r] ?? [];
    expect(table.rowTotals[r] === null || done === null || notNeeded === null).toBe(true);
    // The full attack: every line (row, column, the totals) solved wherever one place is unknown,
    // and a shown total equal to its shown cells read as zeros, until nothing more follows.
    expect(determinedPlaces(table)).toEqual([]);
    // The PSW action's row total (1) is not the grand total minus the other shown row totals.
    const ewc = table.rows.indexOf('equal_working_conditions');
    const otherShown = table.rowTotals.reduce<number>((s, v, i) => (i === ewc ? s : s + (v ?? 0)), 0);
    const anotherHidden = table.rowTotals.some((v, i) => i !== ewc && v === null);
    expect(table.rowTotals[ewc]).toBeNull();
    expect(anotherHidden || table.total === null || table.total - otherShown !== 1).toBe(true);
  });

  it('the attack over time: closing one more action today changes nothing until the month ends', async () => {
    const before = await cardUsefulness(db(), org.admin);
    await closeTeamActions('team_education', 'did_not_help', 1);
    const after = await cardUsefulness(db(), org.admin);
    expect(after).toEqual(before);
  });

  it('exports the same table for research, hidden cells as hidden, audited; admins only', async () => {
    const { table } = await cardUsefulness(db(), org.admin);
    const { csv, filename } = await exportCardUsefulness(db(), org.admin);
    expect(filename).toMatch(/^card-usefulness-before-\d{4}-\d{2}-01\.csv$/);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(`# k=5; actions closed before ${filename.slice(23, 33)}`);
    expect(lines[1]).toBe('card_id,done,not_needed,did_not_help,total');
    expect(lines).toContain('define_psw_position,0,hidden,0,hidden');
    expect(lines).toContain('keep_going,0,0,0,0');
    expect(lines).toContain('team_education,hidden,0,hidden,7');
    expect(lines.at(-1)).toBe(`total,${table.columnTotals.map((v) => v ?? 'hidden').join(',')},13`);
    expect(lines).toHaveLength(table.rows.length + 3);
    const audit = await db()
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'card_usefulness.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(await codeOf(cardUsefulness(db(), org.supervisor))).toBe('forbidden');
    expect(await codeOf(exportCardUsefulness(db(), org.supervisor))).toBe('forbidden');
  });
});
