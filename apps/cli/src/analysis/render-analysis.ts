/** `peerbridge analyze` output as aligned text tables or as tidy CSV (section, subject, measure, value). */
import { conflictIds, roleIds } from '@peerbridge/domain';
import type { StudyAnalysis, StudyMemo } from '@peerbridge/services';
import { type CsvCell, toCsv } from '@peerbridge/study-formats';
import type { Palette } from '../output/terminal';

const fmt = (n: number | null, digits = 2): string => (n === null ? '-' : n.toFixed(digits));
const pct = (n: number | null): string => (n === null ? '-' : `${Math.round(n * 100)}%`);
const UNIT_NAMES = {
  paragraph: 'paragraphs',
  sentence: 'sentences',
  document: 'documents',
  character: 'characters',
} as const;

/** Columns padded to their widest cell; numbers right-aligned. */
export function textTable(
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  palette: Palette,
): string {
  const widths = header.map((h, i) => rows.reduce((max, r) => Math.max(max, (r[i] ?? '').length), h.length));
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((c, i) => (/^[-\d.%]+$/.test(c) && i > 0 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [palette.bold(line(header)), ...rows.map(line)].join('\n');
}

export function renderAnalysisTable(a: StudyAnalysis, palette: Palette): string {
  const out: string[] = [];
  const c = a.counts;
  out.push(
    palette.bold(`Study "${a.study}"`) +
      ` - ${c.participants} participants, ${c.documents} documents, ${c.codes} codes, ${c.segments} segments, ${c.observations} observations; as of ${a.cohort.asOf} (ruleset ${a.cohort.ruleset.id} ${a.cohort.ruleset.version})`,
  );
  if (a.set !== null) {
    const what = (n: number | null, kind: string) =>
      n === null ? `every ${kind}` : `${n} ${kind}${n === 1 ? '' : 's'}`;
    out.push(
      `Restricted to set "${a.set.name}" (${what(a.set.documents, 'document')}, ${what(a.set.codes, 'code')}): documents, segments, co-occurrence and agreement; the cohort and the memos are the whole study's`,
    );
  }
  out.push('', palette.bold('Role profile and conflicts per participant'));
  out.push(
    textTable(
      ['participant', 'setting', 'obs', ...roleIds, ...conflictIds],
      a.cohort.participants.map((p) => [
        a.participantNames[p.id] ?? p.id,
        p.setting,
        String(p.observationsInWindow),
        ...roleIds.map((r) => fmt(p.roles[r].enactment)),
        ...conflictIds.map((k) => p.conflicts[k].level),
      ]),
      palette,
    ),
  );
  out.push('', palette.bold('Prevalence (count / known) by setting'));
  const groups = [
    ['overall', a.cohort.prevalence.overall] as const,
    ...Object.entries(a.cohort.prevalence.bySetting),
  ];
  out.push(
    textTable(
      ['group', 'n', ...roleIds, ...conflictIds],
      groups.map(([name, g]) => [
        name,
        String(g.participants),
        ...roleIds.map((r) => `${g.roles[r].count}/${g.roles[r].known} ${pct(g.roles[r].proportion)}`),
        ...conflictIds.map(
          (k) => `${g.conflicts[k].count}/${g.conflicts[k].known} ${pct(g.conflicts[k].proportion)}`,
        ),
      ]),
      palette,
    ),
  );
  const pairing = a.coOccurrenceMode === 'across-coders' ? 'across coders' : 'within each coder’s segments';
  out.push('', palette.bold(`Code co-occurrence ${pairing} (c = n12 / (n1 + n2 - n12))`));
  out.push(
    a.coOccurrence.length === 0
      ? '  no overlapping segments with different codes'
      : textTable(
          ['code A', 'code B', 'n1', 'n2', 'n12', 'c'],
          a.coOccurrence.map((r) => [
            r.codeA,
            r.codeB,
            String(r.n1),
            String(r.n2),
            String(r.n12),
            fmt(r.c, 3),
          ]),
          palette,
        ),
  );
  const unit = a.agreement?.unit ?? 'paragraph';
  out.push('', palette.bold(`Inter-coder agreement (units: ${UNIT_NAMES[unit]})`));
  if (a.agreement === null) out.push('  one coder or none: nothing to compare');
  else {
    out.push(`  coders: ${a.agreement.coders.join(', ')}`);
    for (const w of a.agreement.warnings) out.push(palette.yellow(`  warning: ${w.message}`));
    out.push(
      textTable(
        ['coder', 'documents', UNIT_NAMES[unit], 'coded', 'coverage'],
        a.agreement.coverage.map((c) => [
          c.coderId,
          String(c.documents),
          String(c.units),
          String(c.codedUnits),
          pct(c.coverage),
        ]),
        palette,
      ),
    );
    out.push(
      textTable(
        ['code', 'units', 'agreement', 'kappa', unit === 'character' ? 'cu-alpha' : 'alpha'],
        a.agreement.codes.map((r) => [
          r.code,
          String(r.units),
          pct(r.percentAgreement),
          fmt(r.cohenKappa, 3),
          fmt(r.krippendorffAlpha, 3),
        ]),
        palette,
      ),
    );
  }
  const counts = noteCounts(a.memos);
  if (counts.length > 0) {
    out.push('', palette.bold('Notes per code and document'));
    out.push(
      textTable(
        ['about', 'name', 'notes'],
        counts.map((c) => [c.kind, c.name, String(c.notes)]),
        palette,
      ),
    );
  }
  if (a.memos.length > 0) {
    out.push('', palette.bold('Memos'));
    out.push(
      textTable(
        ['about', 'memo', 'text'],
        a.memos.map((m) => [
          m.target === 'project'
            ? 'project'
            : [m.document, m.code].filter((x) => x !== null).join(' / ') || m.target,
          m.name ?? '',
          oneLine(m.text ?? '(text not read)'),
        ]),
        palette,
      ),
    );
  }
  return out.join('\n');
}

/**
 * How many memos each code and document has: a code's own and its codings', a document's own and its
 * selections' and codings' (a coding's memo counts for both), the project's on its own row; in first-seen order.
 */
export function noteCounts(
  memos: ReadonlyArray<StudyMemo>,
): Array<{ kind: 'project' | 'code' | 'document'; name: string; notes: number }> {
  const rows = new Map<string, { kind: 'project' | 'code' | 'document'; name: string; notes: number }>();
  const add = (kind: 'project' | 'code' | 'document', name: string) => {
    const key = `${kind}\u0000${name}`;
    const row = rows.get(key) ?? { kind, name, notes: 0 };
    row.notes += 1;
    rows.set(key, row);
  };
  for (const m of memos) {
    if (m.target === 'project') add('project', '(project)');
    if (m.code !== null) add('code', m.code);
    if (m.document !== null) add('document', m.document);
  }
  return [...rows.values()];
}

/** A memo's text on one line, at most 100 characters. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

/**
 * One long table: every number with what it is, easy to filter in R, pandas or a spreadsheet. A measure of
 * a pair (code co-occurrence) names its second code in `subject_b`; every other row leaves it empty.
 */
export function renderAnalysisCsv(a: StudyAnalysis): string {
  const rows: CsvCell[][] = [];
  for (const p of a.cohort.participants) {
    const who = a.participantNames[p.id] ?? p.id;
    rows.push(['participant', who, '', 'setting', p.setting]);
    rows.push(['participant', who, '', 'observations_in_window', p.observationsInWindow]);
    for (const r of roleIds) {
      rows.push(['participant', who, '', `role.${r}.enactment`, p.roles[r].enactment]);
      rows.push(['participant', who, '', `role.${r}.confidence`, p.roles[r].confidence]);
    }
    for (const k of conflictIds) {
      rows.push(['participant', who, '', `conflict.${k}.level`, p.conflicts[k].level]);
      rows.push(['participant', who, '', `conflict.${k}.severity`, p.conflicts[k].severity]);
    }
  }
  const groups = [
    ['overall', a.cohort.prevalence.overall] as const,
    ...Object.entries(a.cohort.prevalence.bySetting),
  ];
  for (const [name, g] of groups) {
    rows.push(['prevalence', name, '', 'participants', g.participants]);
    for (const [kind, ids, table] of [
      ['role', roleIds, g.roles],
      ['conflict', conflictIds, g.conflicts],
    ] as const) {
      for (const id of ids) {
        const v = (table as Record<string, { count: number; known: number; proportion: number | null }>)[id];
        if (!v) continue;
        rows.push(['prevalence', name, '', `${kind}.${id}.count`, v.count]);
        rows.push(['prevalence', name, '', `${kind}.${id}.known`, v.known]);
        rows.push(['prevalence', name, '', `${kind}.${id}.proportion`, v.proportion]);
      }
    }
  }
  if (a.set !== null) rows.push(['settings', 'analysis', '', 'set', a.set.name]);
  for (const c of noteCounts(a.memos)) rows.push([`${c.kind}_notes`, c.name, '', 'notes', c.notes]);
  rows.push(['settings', 'co_occurrence', '', 'pairing', a.coOccurrenceMode]);
  for (const r of a.coOccurrence) {
    rows.push(
      ['co_occurrence', r.codeA, r.codeB, 'n1', r.n1],
      ['co_occurrence', r.codeA, r.codeB, 'n2', r.n2],
      ['co_occurrence', r.codeA, r.codeB, 'n12', r.n12],
      ['co_occurrence', r.codeA, r.codeB, 'c', r.c],
    );
  }
  const ag = a.agreement;
  if (ag !== null) {
    rows.push(['settings', 'agreement', '', 'unit', ag.unit]);
    rows.push(['agreement_summary', ag.unit, '', 'units_compared', ag.unitCount]);
    rows.push(['agreement_summary', ag.unit, '', 'uncoded_share', ag.uncodedShare]);
    for (const w of ag.warnings) rows.push(['agreement_warning', w.code, '', 'message', w.message]);
    for (const c of ag.coverage) {
      rows.push(['coverage', c.coderId, '', 'documents', c.documents]);
      rows.push(['coverage', c.coderId, '', 'units', c.units]);
      rows.push(['coverage', c.coderId, '', 'coded_units', c.codedUnits]);
      rows.push(['coverage', c.coderId, '', 'coverage', c.coverage]);
    }
    // Nominal alpha on the units; on characters, Krippendorff's unitizing alpha.
    const alpha = ag.unit === 'character' ? 'krippendorff_cu_alpha' : 'krippendorff_alpha_nominal';
    for (const r of ag.codes) {
      rows.push(['agreement', r.code, '', 'units', r.units]);
      rows.push(['agreement', r.code, '', 'percent_agreement', r.percentAgreement]);
      rows.push(['agreement', r.code, '', 'cohen_kappa', r.cohenKappa]);
      rows.push(['agreement', r.code, '', alpha, r.krippendorffAlpha]);
    }
  }
  return toCsv(['section', 'subject', 'subject_b', 'measure', 'value'], rows);
}
