/** Derive a custom ruleset from a base by deep-merging a partial override that names its own id and version. */
import { DomainValidationError, parseInput } from '../errors';
import { defaultRuleset } from './default-ruleset';
import { type Ruleset, rulesetSchema } from './ruleset-schema';

/** A partial of T at every depth. */
export type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** An override: any part of a ruleset, plus the id and version the result will carry (both required). */
export type RulesetOverride = DeepPartial<Ruleset> & { id: string; version: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(base[key], value);
  return out;
}

const validatedRulesets = new WeakSet<object>([defaultRuleset]);

/**
 * Validate a ruleset once; later calls with the same (treated as immutable) object are free,
 * so `assess` over many PSWs does not re-parse the ruleset each time.
 */
export function validateRuleset(ruleset: unknown, what = 'ruleset'): Ruleset {
  if (typeof ruleset === 'object' && ruleset !== null && validatedRulesets.has(ruleset))
    return ruleset as Ruleset;
  const parsed = parseInput(rulesetSchema, ruleset, what);
  validatedRulesets.add(parsed);
  if (typeof ruleset === 'object' && ruleset !== null) validatedRulesets.add(ruleset);
  return parsed;
}

/**
 * A new ruleset: `base` with `override` deep-merged into it (objects merge, numbers replace).
 * The override must carry its own `id` and `version`, different from the base's, so every
 * assessment records which rules produced it.
 */
export function withOverrides(base: Ruleset, override: RulesetOverride): Ruleset {
  const validBase = validateRuleset(base, 'withOverrides base ruleset');
  if (!isPlainObject(override)) {
    throw new DomainValidationError('withOverrides', [
      { path: '', expected: 'an object', message: 'expected an override object with id and version' },
    ]);
  }
  const missing = (['id', 'version'] as const).filter(
    (k) => typeof override[k] !== 'string' || override[k] === '',
  );
  if (missing.length > 0) {
    throw new DomainValidationError(
      'withOverrides',
      missing.map((k) => ({
        path: k,
        expected: 'a non-empty string',
        message: `expected a non-empty ${k}: an overridden ruleset must name itself`,
      })),
    );
  }
  if (override.id === validBase.id && override.version === validBase.version) {
    throw new DomainValidationError('withOverrides', [
      {
        path: 'version',
        expected: `an id or version other than ${validBase.id}@${validBase.version}`,
        message: `expected an id or version other than the base's (${validBase.id}@${validBase.version})`,
      },
    ]);
  }
  return validateRuleset(deepMerge(validBase, override), 'withOverrides');
}
