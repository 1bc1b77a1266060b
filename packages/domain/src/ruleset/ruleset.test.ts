/** The default ruleset as data, its schema, and deriving custom rulesets with withOverrides. */
import { describe, expect, it } from 'vitest';
import { assess } from '../assess/assess';
import { anAssessInput, anObservation } from '../assess/test-builders';
import { DomainValidationError } from '../errors';
import { defaultRuleset } from './default-ruleset';
import { rulesetSchema } from './ruleset-schema';
import { type RulesetOverride, withOverrides } from './with-overrides';

describe('defaultRuleset', () => {
  it('is ruleset v1, valid against its own schema, and frozen', () => {
    expect(defaultRuleset).toMatchObject({ id: 'peerbridge-default', version: '1.0.0', windowDays: 90 });
    expect(rulesetSchema.safeParse(defaultRuleset).success).toBe(true);
    expect(Object.isFrozen(defaultRuleset.indicators.stress)).toBe(true);
  });

  it('carries the v1 numbers of the specification', () => {
    expect(defaultRuleset.levelCuts).toEqual({ emerging: 0.15, active: 0.35, severe: 0.6 });
    expect(defaultRuleset.indicators.after_hours_client_contact).toMatchObject({
      saturation: 4,
      markers: { friend_vs_professional: { weight: 0.7, inverse: false } },
    });
    expect(defaultRuleset.indicators.condition_accommodated).toMatchObject({
      markers: { staff_member_vs_expert_by_experience: { weight: 0.3, inverse: true } },
      protects: { staff_member_vs_expert_by_experience: 0.3 },
    });
  });
});

describe('withOverrides', () => {
  it('deep-merges a partial and records the new id and version in assessments', () => {
    const custom = withOverrides(defaultRuleset, {
      id: 'acme',
      version: '2026.1',
      indicators: { after_hours_client_contact: { markers: { friend_vs_professional: { weight: 0.35 } } } },
    } as RulesetOverride);
    expect(custom.indicators.after_hours_client_contact).toMatchObject({
      saturation: 4,
      markers: { friend_vs_professional: { weight: 0.35, inverse: false } },
    });
    expect(custom.windowDays).toBe(90);
    expect(defaultRuleset.indicators.after_hours_client_contact.markers.friend_vs_professional?.weight).toBe(
      0.7,
    );
    const r = assess(
      anAssessInput({ ruleset: custom, observations: [anObservation('after_hours_client_contact', 4)] }),
    );
    expect(r.ruleset).toEqual({ id: 'acme', version: '2026.1' });
    expect(r.conflicts.friend_vs_professional.severity).toBeCloseTo(0.35 * (1 - Math.exp(-1)), 12);
  });

  it('requires the override to name its own id and version', () => {
    expect(() => withOverrides(defaultRuleset, { windowDays: 60 } as RulesetOverride)).toThrow(
      DomainValidationError,
    );
    expect(() =>
      withOverrides(defaultRuleset, { id: 'peerbridge-default', version: '1.0.0', windowDays: 60 }),
    ).toThrow(/other than the base/);
  });

  it('rejects out-of-range numbers and unknown keys with their path', () => {
    try {
      withOverrides(defaultRuleset, {
        id: 'x',
        version: '1',
        levelCuts: { emerging: 1.5 },
        windowDayz: 3,
      } as unknown as RulesetOverride);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainValidationError);
      const paths = (e as DomainValidationError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['levelCuts.emerging', '']));
      expect((e as DomainValidationError).message).toMatch(/windowDayz/);
    }
  });

  it('requires a saturation for event indicators', () => {
    const broken = structuredClone(defaultRuleset) as { indicators: Record<string, { saturation?: number }> };
    delete broken.indicators.meets_clients_outside_work?.saturation;
    const result = rulesetSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['indicators', 'meets_clients_outside_work', 'saturation']);
  });
});
