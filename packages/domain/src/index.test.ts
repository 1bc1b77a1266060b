/** The public API: what other packages and the README rely on is exported from the package root. */
import { describe, expect, it } from 'vitest';
import * as domain from './index';

describe('@peerbridge/domain', () => {
  it('exports the documented entry points', () => {
    for (const fn of [domain.assess, domain.mergeCards, domain.withOverrides, domain.parseInput]) {
      expect(typeof fn).toBe('function');
    }
    expect(domain.defaultRuleset.id).toBe('peerbridge-default');
    expect(Object.keys(domain.catalog)).toEqual(['roles', 'conflicts', 'findings', 'indicators', 'cards']);
    expect(new domain.DomainValidationError('x', [])).toBeInstanceOf(Error);
    expect(domain.observationSchema).toBeDefined();
    expect(domain.rulesetSchema).toBeDefined();
  });

  it('runs the README example', () => {
    const result = domain.assess({
      asOf: '2026-11-26',
      worker: { id: 'w1', startedOn: '2024-11-26', unitId: 'u1' },
      unit: { id: 'u1', setting: 'community' },
      observations: [
        {
          id: 'o1',
          workerId: 'w1',
          indicator: 'after_hours_client_contact',
          value: 4,
          observedAt: '2026-11-01',
          source: 'supervision',
        },
        {
          id: 'o2',
          unitId: 'u1',
          indicator: 'supervision_available',
          value: true,
          observedAt: '2026-10-01',
          source: 'supervision',
        },
        {
          id: 'o3',
          workerId: 'w1',
          indicator: 'private_number_shared',
          value: true,
          observedAt: '2026-11-01',
          source: 'supervision',
        },
      ],
      sessions: [{ heldOn: '2026-11-10' }],
    });
    expect(result.conflicts.friend_vs_professional.level).toBe('active');
    expect(result.cards.map((c) => c.id)).toEqual(['boundary_strategies', 'supervision_focus_boundaries']);
  });
});
