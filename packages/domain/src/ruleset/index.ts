/** The ruleset: data (weights and thresholds), its schema, and how to override it. */
export { defaultRuleset } from './default-ruleset';
export { type IndicatorModel, indicatorModelSchema, type Ruleset, rulesetSchema } from './ruleset-schema';
export { type DeepPartial, type RulesetOverride, validateRuleset, withOverrides } from './with-overrides';
