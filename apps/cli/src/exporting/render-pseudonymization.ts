/** The lines a pseudonymised export or import prints: what it kept, what it dropped and how many names it redacted. */
import type { PseudonymizationReport } from '@peerbridge/services';
import type { CliContext } from '../context';

export function renderPseudonymization(report: PseudonymizationReport, ctx: CliContext): string[] {
  const { variables } = report;
  const lines = [
    `  Pseudonymised: ${report.textRedactions} name(s) redacted in texts, ${report.labelRedactions} in labels (${report.knownNames} known names and variants)`,
    `  Variables kept: ${variables.kept.length === 0 ? 'none' : variables.kept.join(', ')}${variables.derived.length > 0 ? ` (derived: ${variables.derived.join(', ')})` : ''}`,
  ];
  if (variables.dropped.length > 0) {
    lines.push(
      ctx.out.yellow(
        `  Variables dropped (not in allowVariables: ${variables.allowed.join(', ')}): ${variables.dropped.length}`,
      ),
    );
    for (const d of variables.dropped)
      lines.push(`    ${d.name} (${d.participants} participant${d.participants === 1 ? '' : 's'})`);
  }
  return lines;
}
