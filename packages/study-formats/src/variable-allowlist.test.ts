import { describe, expect, it } from 'vitest';
import { defaultAllowVariables, normalizeVariableName } from './variable-allowlist';

describe('normalizeVariableName', () => {
  it('reads spellings of one variable as one name', () => {
    for (const name of [
      'age_band',
      'Age band',
      'age-band',
      'AgeBand',
      'AGE_BAND',
      ' age.band ',
      'Age  -  Band',
    ])
      expect(normalizeVariableName(name), name).toBe('age_band');
  });

  it('removes accents and keeps different names apart', () => {
    expect(normalizeVariableName('Pohlaví')).toBe('pohlavi');
    expect(normalizeVariableName('tenure_band')).not.toBe(normalizeVariableName('tenure'));
    expect(normalizeVariableName('full_name')).toBe('full_name');
  });

  it('the default allowlist is already in normal form', () => {
    for (const name of defaultAllowVariables) expect(normalizeVariableName(name)).toBe(name);
  });
});
