import { describe, expect, it } from 'vitest';
import { ageBand, isIdentifyingVariable, tenureBand, variableFilter } from './variable-filter';

describe('bands', () => {
  it('age bands are ten years wide with open ends, tenure bands are in whole years of months', () => {
    expect([19, 20, 29, 30, 69, 70, 95].map(ageBand)).toEqual([
      '<20',
      '20-29',
      '20-29',
      '30-39',
      '60-69',
      '70+',
      '70+',
    ]);
    expect([0, 11, 12, 35, 36, 59, 60, 400].map(tenureBand)).toEqual([
      '<1y',
      '<1y',
      '1-2y',
      '1-2y',
      '3-4y',
      '3-4y',
      '5y+',
      '5y+',
    ]);
  });
});

describe('variableFilter', () => {
  it('keeps allowed variables by normalised name and derives bands only from numbers', () => {
    const filter = variableFilter(undefined);
    const a = filter.apply({
      setting: 'community',
      attributes: {
        Gender: 'female',
        age: '41',
        tenure: 'long',
        'Tenure Band': '3-4y',
        Full_Name: 'Ann Lee',
        city: 'Brno',
      },
    });
    expect(a.attributes).toEqual({ Gender: 'female', 'Tenure Band': '3-4y', age_band: '40-49' });
    expect(a.setting).toBe('community');
    expect(a.identifyingValues).toEqual(['Ann Lee']);
    const b = filter.apply({ setting: null, attributes: { age: 'thirties', city: 'Olomouc' } });
    expect(b.attributes).toEqual({});
    expect(filter.report()).toEqual({
      allowed: ['age_band', 'gender', 'setting', 'tenure_band'],
      kept: ['age_band', 'gender', 'tenure_band'],
      dropped: [
        { name: 'Full_Name', participants: 1 },
        { name: 'age', participants: 2 },
        { name: 'city', participants: 2 },
        { name: 'tenure', participants: 1 },
      ],
      derived: ['age_band'],
    });
  });

  it('an empty allowlist keeps nothing, not even the setting', () => {
    const filter = variableFilter([]);
    expect(filter.apply({ setting: 'inpatient', attributes: { setting: 'ward', gender: 'x' } })).toEqual({
      setting: null,
      attributes: {},
      identifyingValues: [],
    });
  });

  it('knows identifying variables by name in English and Czech', () => {
    for (const name of [
      'full_name',
      'Name',
      'E-mail',
      'phone number',
      'Příjmení',
      'jméno',
      'nickname',
      'Home address',
    ])
      expect(isIdentifyingVariable(name), name).toBe(true);
    for (const name of ['gender', 'age', 'tenure_band', 'setting', 'score'])
      expect(isIdentifyingVariable(name), name).toBe(false);
  });
});
