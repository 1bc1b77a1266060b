/** The optional "how the model decided" lines: each number of a conflict's computation with a one-line meaning. */
import type { ConflictScore, FactorReason, IndicatorReason } from '../assess/assessment';
import type { CompiledModel } from '../assess/compiled-model';
import { indicators } from '../catalog/indicators';
import type { ModelLine } from './explanation';

const round = (x: number) => Math.round(x * 1000) / 1000;
/** A number as Czech writes it (decimal comma). */
const cz = (x: number) => String(x).replace('.', ',');

/** The numbers behind one conflict, each explained in a line (English and Czech). */
export function conflictModelLines(
  model: CompiledModel,
  score: ConflictScore,
  cited: readonly IndicatorReason[],
): ModelLine[] {
  const factor = (name: FactorReason['factor']) =>
    score.because.find((r): r is FactorReason => r.kind === 'factor' && r.factor === name);
  const lines: ModelLine[] = [];
  const tension = factor('tension');
  if (tension !== undefined && typeof tension.value === 'number')
    lines.push({
      name: 'tension',
      value: round(tension.value),
      label: { en: 'Tension', cs: 'Napětí' },
      meaning: {
        en: 'How strongly the signs together point to the conflict, from 0 to 1, before protections (each sign adds to what the others leave).',
        cs: 'Jak silně znaky dohromady ukazují na konflikt, od 0 do 1, před započtením ochranných faktorů (každý znak přidává k tomu, co zbývá po ostatních).',
      },
    });
  const protection = factor('protection');
  if (protection !== undefined && typeof protection.value === 'number')
    lines.push({
      name: 'protection',
      value: round(protection.value),
      label: { en: 'Protection (combined)', cs: 'Ochrana (souhrnně)' },
      meaning: {
        en: `How much the protections together hold it back, from 0 to 1; full protection lowers the tension by ${String(model.ruleset.severity.protectionFactor * 100)} %.`,
        cs: `Nakolik ho ochranné faktory dohromady tlumí, od 0 do 1; plná ochrana sníží napětí o ${cz(model.ruleset.severity.protectionFactor * 100)} %.`,
      },
    });
  const context = factor('tenure_months') ?? factor('setting');
  if (context !== undefined && context.contribution !== null)
    lines.push({
      name: 'context',
      value: round(context.contribution),
      label: { en: 'Context multiplier', cs: 'Násobitel podle situace' },
      meaning: {
        en:
          context.factor === 'tenure_months'
            ? `Multiplies the result: ${String(model.ruleset.contextMultipliers.earlyCareer.factor)} in the first ${String(model.ruleset.contextMultipliers.earlyCareer.tenureUnderMonths)} months in post, otherwise 1.`
            : `Multiplies the result: ${String(model.ruleset.contextMultipliers.inpatient.factor)} on an inpatient unit, otherwise 1.`,
        cs:
          context.factor === 'tenure_months'
            ? `Násobí výsledek: ${cz(model.ruleset.contextMultipliers.earlyCareer.factor)} v prvních ${cz(model.ruleset.contextMultipliers.earlyCareer.tenureUnderMonths)} měsících ve funkci, jinak 1.`
            : `Násobí výsledek: ${cz(model.ruleset.contextMultipliers.inpatient.factor)} na lůžkovém oddělení, jinak 1.`,
      },
    });
  const strain = factor('strain');
  if (strain !== undefined && strain.contribution !== null)
    lines.push({
      name: 'strain_term',
      value: round(strain.contribution),
      label: { en: 'Added for strain', cs: 'Přidáno za zátěž' },
      meaning: {
        en: `Strain on wellbeing adds up to ${String(model.ruleset.severity.strainTerm)}, only when at least one sign is present.`,
        cs: `Zátěž přidává nejvýše ${cz(model.ruleset.severity.strainTerm)}, jen když je přítomen aspoň jeden znak.`,
      },
    });
  if (score.severity !== null)
    lines.push({
      name: 'severity',
      value: round(score.severity),
      label: { en: 'Severity', cs: 'Závažnost' },
      meaning: {
        en: 'Tension, lowered by protection, times the context multiplier, plus the strain term; kept between 0 and 1.',
        cs: 'Napětí snížené ochranou, vynásobené podle situace, plus příspěvek zátěže; vždy mezi 0 a 1.',
      },
    });
  const cuts = model.ruleset.levelCuts;
  lines.push({
    name: 'level_cuts',
    value: `${String(cuts.emerging)} / ${String(cuts.active)} / ${String(cuts.severe)}`,
    label: { en: 'Level thresholds', cs: 'Prahy úrovní' },
    meaning: {
      en: 'The severity at which the level becomes emerging, active and severe.',
      cs: 'Závažnost, od které je úroveň počínající, aktivní a závažná.',
    },
  });
  for (const r of cited)
    lines.push({
      name: 'weight',
      indicator: r.indicator,
      value: round(r.weight),
      label: indicators[r.indicator].label,
      meaning:
        r.effect === 'protection'
          ? {
              en: 'Weight of this protection: how much it alone would hold the conflict back at full strength.',
              cs: 'Váha tohoto ochranného faktoru: nakolik by sám v plné síle konflikt tlumil.',
            }
          : {
              en: 'Weight of this sign: how much it alone would raise the tension at full strength.',
              cs: 'Váha tohoto znaku: nakolik by sám v plné síle zvýšil napětí.',
            },
    });
  return lines;
}
