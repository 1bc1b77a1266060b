/** `assess`: the pure function from a PSW's evidence at a date to roles, conflicts, findings, strain and cards. */
import { addDays, wholeMonthsBetween } from '../dates/iso-date';
import { parseInput } from '../errors';
import { explainAssessment } from '../explain/explain-assessment';
import type { Explanation } from '../explain/explanation';
import { recommend } from '../recommend/recommend';
import { defaultRuleset } from '../ruleset/default-ruleset';
import { validateRuleset } from '../ruleset/with-overrides';
import { type AssessInput, assessInputSchema, validateAssessInput } from './assess-input';
import type { Assessment } from './assessment';
import { compileModel } from './compiled-model';
import { collectEvidence } from './evidence-window';
import { detectFindings, overallConfidence } from './findings';
import { scoreConflicts } from './score-conflicts';
import { scoreRoles } from './score-roles';
import { scoreStrain } from './score-strain';

/**
 * Assess one PSW at `asOf`: role enactment, conflict severity and trend, findings, strain and
 * recommendation cards, each with the evidence behind it. Throws DomainValidationError on bad input.
 */
export function assess(input: AssessInput): Assessment {
  const checked = validateAssessInput(input);
  if (!checked.ok) {
    parseInput(assessInputSchema, input, 'assess');
    throw new Error('assess: input failed the fast check but passed the schema (a bug in isObservation)');
  }
  const { asOf, worker, unit, sessions = [], cadenceDays } = checked.head;
  const ruleset = validateRuleset(input.ruleset ?? defaultRuleset, 'assess ruleset');
  const model = compileModel(ruleset);

  const currentFrom = addDays(asOf, -ruleset.windowDays);
  const previousFrom = addDays(currentFrom, -ruleset.windowDays);
  const unitId = unit?.id ?? worker.unitId;
  const evidence = collectEvidence(model, input.observations, worker.id, unitId, {
    previousFrom,
    currentFrom,
    asOf,
  });

  const tenureMonths = wholeMonthsBetween(worker.startedOn, asOf);
  const previousTenure = wholeMonthsBetween(worker.startedOn, currentFrom);
  const strain = scoreStrain(model, evidence.current);
  const previousStrain = scoreStrain(model, evidence.previous);
  const setting = unit?.setting;
  const roles = scoreRoles(model, evidence.current);
  const conflicts = scoreConflicts(
    model,
    { evidence: evidence.current, context: { tenureMonths, setting, strain: strain.value } },
    {
      evidence: evidence.previous,
      context: { tenureMonths: previousTenure, setting, strain: previousStrain.value },
    },
  );
  const overall = overallConfidence(model, evidence.current, roles);
  const findings = detectFindings(
    model,
    evidence.current,
    roles,
    strain,
    {
      asOf,
      startedOn: worker.startedOn,
      sessionDates: sessions.filter((s) => s.heldOn <= asOf).map((s) => s.heldOn),
      cadenceDays: cadenceDays ?? ruleset.supervision.cadenceDays,
    },
    { observationsInWindow: evidence.observationsInWindow, overallConfidence: overall },
  );
  const assessment: Omit<Assessment, 'cards' | 'explanation'> = {
    workerId: worker.id,
    asOf,
    ruleset: { id: ruleset.id, version: ruleset.version },
    tenureMonths,
    window: { from: currentFrom, to: asOf },
    observationsInWindow: evidence.observationsInWindow,
    overallConfidence: overall,
    roles,
    conflicts,
    findings,
    strain,
  };
  // Words cost more than numbers, and a caseload reads only the levels: the explanation is built on
  // first read (JSON.stringify and spreading read it too) and kept, so it is still one fixed value.
  let explanation: Explanation | undefined;
  const observations = input.observations;
  return {
    ...assessment,
    cards: recommend(assessment, ruleset),
    get explanation(): Explanation {
      explanation ??= explainAssessment(model, assessment, evidence.current, observations);
      return explanation;
    },
  };
}
