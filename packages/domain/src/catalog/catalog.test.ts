/** The catalog: complete, bilingual, consistent with the ruleset, and honest about who may see what. */
import { describe, expect, it } from 'vitest';
import { cardIds } from '../recommend/card';
import { defaultRuleset } from '../ruleset/default-ruleset';
import { catalog, getIndicator } from './index';
import { indicatorIds } from './indicator-ids';

const texts = (o: object): Array<{ en: string; cs: string }> =>
  Object.values(o).flatMap((v) =>
    typeof v === 'object' && v !== null && 'en' in v && 'cs' in v ? [v as { en: string; cs: string }] : [],
  );

describe('catalog', () => {
  it('has all 34 indicators, 4 roles, 2 conflicts, 5 findings and 14 cards', () => {
    expect(Object.keys(catalog.indicators)).toHaveLength(34);
    expect(Object.keys(catalog.indicators)).toEqual([...indicatorIds]);
    expect(Object.keys(catalog.roles)).toHaveLength(4);
    expect(Object.keys(catalog.conflicts)).toHaveLength(2);
    expect(Object.keys(catalog.findings)).toHaveLength(5);
    expect(Object.keys(catalog.cards).sort()).toEqual([...cardIds]);
  });

  it('gives every indicator a label, description and question in English and Czech', () => {
    for (const indicator of Object.values(catalog.indicators)) {
      for (const t of [indicator.label, indicator.description, indicator.question]) {
        expect(t.en.length).toBeGreaterThan(3);
        expect(t.cs.length).toBeGreaterThan(3);
        expect(t.cs).not.toBe(t.en);
      }
    }
  });

  it('writes Czech with diacritics', () => {
    const czech = Object.values(catalog.indicators)
      .flatMap((i) => [i.description.cs, i.question.cs])
      .join(' ');
    expect(czech).toMatch(/[áčďéěíňóřšťúůýž]/);
  });

  it('keeps self-stigma and strain answers private, everything else team-visible', () => {
    const privateOnes = Object.values(catalog.indicators)
      .filter((i) => i.audience === 'private')
      .map((i) => i.id)
      .sort();
    expect(privateOnes).toEqual(['exhaustion', 'self_stigma', 'stress', 'work_intrudes_personal_life']);
  });

  it('shows the v1 weights and the inverse flag with each indicator', () => {
    expect(getIndicator('has_own_workplace')).toMatchObject({ kind: 'bool', level: 'unit', inverse: true });
    expect(getIndicator('exhaustion').weights).toBe(defaultRuleset.indicators.exhaustion);
    expect(getIndicator('position_defined').inverse).toBe(false);
  });

  it('keeps every card summary within 140 characters, with a detail and a source citing the seed paper', () => {
    for (const card of Object.values(catalog.cards)) {
      for (const t of texts(card)) expect(t.en.length + t.cs.length).toBeGreaterThan(0);
      expect(card.summary.en.length).toBeLessThanOrEqual(140);
      expect(card.summary.cs.length).toBeLessThanOrEqual(140);
      expect(card.detail.en.length).toBeGreaterThan(card.summary.en.length / 2);
      expect(card.source.reference).toContain('10.1176/appi.ps.202100612');
    }
  });

  it('gives roles, conflicts and findings labels and descriptions in both languages', () => {
    for (const entry of [
      ...Object.values(catalog.roles),
      ...Object.values(catalog.conflicts),
      ...Object.values(catalog.findings),
    ]) {
      expect(entry.label.en && entry.label.cs && entry.description.en && entry.description.cs).toBeTruthy();
    }
  });
});
