import { describe, expect, it } from 'vitest';
import { parseMappingText } from './mapping-file';
import { StudyInputError } from './study-input-error';

function failure(text: string): StudyInputError {
  try {
    parseMappingText(text, 'map.yaml');
  } catch (error) {
    if (error instanceof StudyInputError) return error;
    throw error;
  }
  throw new Error('expected a StudyInputError');
}

describe('mapping files', () => {
  it('reads YAML with codes, participant rules and dates, filling defaults', () => {
    const mapping = parseMappingText(
      'codes:\n  - name: Calls at night\n    indicator: after_hours_client_contact\nparticipants:\n  rule: document\nobservedAt: 2024-05-01\n',
      'map.yaml',
    );
    expect(mapping.codes).toEqual([{ name: 'Calls at night', indicator: 'after_hours_client_contact' }]);
    expect(mapping.participants).toEqual({ rule: 'document', documents: {}, variables: {} });
    expect(mapping.observedAt).toBe('2024-05-01');
  });

  it('reads the same mapping written as JSON', () => {
    const mapping = parseMappingText('{"codes": [{"guid": "{ABC}", "indicator": "stress"}]}', 'map.json');
    expect(mapping.codes[0]).toEqual({ guid: '{ABC}', indicator: 'stress' });
  });

  it('names the line and column of an unknown indicator', () => {
    const error = failure('codes:\n  - name: x\n    indicator: stres\n');
    expect(error.location).toMatchObject({ file: 'map.yaml', line: 3, column: 16 });
    expect(error.message).toContain('codes.0.indicator');
  });

  it('refuses a rule with neither guid nor name, and unknown keys', () => {
    expect(failure('codes:\n  - indicator: stress\n').message).toContain('`guid` or a `name`');
    expect(failure('codez: []\n').message).toMatch(/codez/);
  });

  it('reports YAML syntax errors with their position', () => {
    const error = failure('codes:\n  - name: "unclosed\n');
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toContain('not valid YAML/JSON');
  });
});

describe('allowVariables in a mapping file', () => {
  it('reads a custom allowlist and leaves it undefined when absent (the default applies)', () => {
    expect(
      parseMappingText('allowVariables: [setting, Age band, region]\n', 'map.yaml').allowVariables,
    ).toEqual(['setting', 'Age band', 'region']);
    expect(parseMappingText('codes: []\n', 'map.yaml').allowVariables).toBeUndefined();
  });

  it('refuses a list that names one variable twice under normalisation, with line and column', () => {
    const error = failure('allowVariables:\n  - age_band\n  - Age-Band\n');
    expect(error.message).toContain('allowVariables.1');
    expect(error.message).toContain('same variable as "age_band"');
    expect(error.location).toMatchObject({ file: 'map.yaml', line: 3 });
  });

  it('refuses a name with no letters, an empty name and a non-list', () => {
    expect(failure('allowVariables: ["--"]\n').message).toContain('no letters or digits');
    expect(failure('allowVariables: [""]\n').message).toContain('allowVariables.0');
    expect(failure('allowVariables: setting\n').message).toContain('expected a list of variable names');
  });
});
