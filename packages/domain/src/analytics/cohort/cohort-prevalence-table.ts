/** Prevalence counts of a cohort summary as a count table (role/conflict x setting), ready for small-cell suppression. */
import { z } from 'zod';
import { conflictIds } from '../../catalog/conflicts';
import { roleIds } from '../../catalog/roles';
import { parseInput } from '../../errors';
import type { CountTable } from '../segments/code-document-table';
import type { CohortSummary, Setting } from './summarize-cohort';

const prevalence = z.object({ count: z.number().int().min(0) });
const group = z.object({
  participants: z.number().int().min(0),
  roles: z.object(Object.fromEntries(roleIds.map((r) => [r, prevalence]))),
  conflicts: z.object(Object.fromEntries(conflictIds.map((c) => [c, prevalence]))),
});
const summarySchema = z.object({
  prevalence: z.object({ bySetting: z.object({ inpatient: group, community: group, other: group }) }),
});

/**
 * Rows `role:<id>` then `conflict:<id>` (catalog order), columns the settings present in the cohort
 * (inpatient, community, other, in that order); each cell counts the participants with the property.
 */
export function cohortPrevalenceTable(summary: CohortSummary): CountTable {
  parseInput(summarySchema, summary, 'cohortPrevalenceTable');
  const all: Setting[] = ['inpatient', 'community', 'other'];
  const columns = all.filter((s) => summary.prevalence.bySetting[s].participants > 0);
  const groups = columns.map((s) => summary.prevalence.bySetting[s]);
  return {
    rows: [...roleIds.map((r) => `role:${r}`), ...conflictIds.map((c) => `conflict:${c}`)],
    columns,
    counts: [
      ...roleIds.map((r) => groups.map((g) => g.roles[r].count)),
      ...conflictIds.map((c) => groups.map((g) => g.conflicts[c].count)),
    ],
  };
}
