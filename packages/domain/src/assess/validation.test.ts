/** Bad input to assess: a DomainValidationError naming each bad field, never a crash deep inside. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../errors';
import { observationSchema } from '../evidence/observation';
import { assess } from './assess';
import { type AssessInput, isObservation } from './assess-input';
import { anAssessInput, anObservation } from './test-builders';

function errorOf(input: unknown): DomainValidationError {
  try {
    assess(input as AssessInput);
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected assess to throw');
}

const good = anObservation('stress', 3);

describe('assess validates its input', () => {
  it('names the path and what a likert value should be', () => {
    const input = anAssessInput({
      observations: [good, good, good, { ...anObservation('stress', 3), id: 'bad', value: 7 }],
    });
    const e = errorOf(input);
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      {
        path: 'observations.3.value',
        expected: 'an integer from 1 to 5 (likert indicator "stress")',
        message: 'expected an integer from 1 to 5 (likert indicator "stress")',
      },
    ]);
    expect(e.message).toBe(
      'Invalid assess input: observations.3.value: expected an integer from 1 to 5 (likert indicator "stress")',
    );
  });

  it('lists every issue at once', () => {
    const e = errorOf({
      asOf: '2026-02-30',
      worker: { id: '', startedOn: '2020-01-01' },
      observations: [{ ...good, indicator: 'stres', source: 'gossip' }],
    });
    expect(e.issues.map((i) => i.path)).toEqual([
      'asOf',
      'worker.id',
      'observations.0.indicator',
      'observations.0.source',
    ]);
  });

  it.each([
    [
      'a bool given a number',
      { ...anObservation('private_number_shared', true), value: 1 },
      'observations.0.value',
    ],
    [
      'a negative event count',
      { ...anObservation('after_hours_client_contact', 1), value: -1 },
      'observations.0.value',
    ],
    [
      'a fractional event count',
      { ...anObservation('after_hours_client_contact', 1), value: 1.5 },
      'observations.0.value',
    ],
    [
      'both worker and unit',
      { ...anObservation('has_own_workplace', true), unitId: 'u1' },
      'observations.0.workerId',
    ],
    [
      'a worker-level indicator on a unit',
      { ...anObservation('stress', 2, { unit: true }) },
      'observations.0.unitId',
    ],
    [
      'a timestamp instead of a date',
      { ...good, observedAt: '2026-11-01T10:00:00Z' },
      'observations.0.observedAt',
    ],
  ])('rejects %s', (_, observation, path) => {
    expect(
      errorOf(anAssessInput({ observations: [observation as never] })).issues.map((i) => i.path),
    ).toEqual([path]);
  });

  it('rejects a start date after asOf and a unit that is not the worker’s', () => {
    const e = errorOf({
      ...anAssessInput(),
      worker: { id: 'w1', startedOn: '2027-01-01', unitId: 'u1' },
      unit: { id: 'u2', setting: 'community' },
    });
    expect(e.issues.map((i) => i.path)).toEqual(['worker.startedOn', 'unit.id']);
  });

  it('rejects a broken ruleset with the path inside it', () => {
    const e = errorOf({ ...anAssessInput(), ruleset: { id: 'x' } });
    expect(e.message).toMatch(/^Invalid assess ruleset input: /);
    expect(e.issues.map((i) => i.path)).toContain('windowDays');
  });

  it('rejects non-objects without crashing', () => {
    expect(errorOf(null).issues[0]?.path).toBe('');
    expect(errorOf({ asOf: '2026-11-26' }).issues.map((i) => i.path)).toEqual(['worker', 'observations']);
  });
});

describe('the fast observation check', () => {
  const junkValue = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -2, max: 7 }),
    fc.double(),
    fc.constantFrom(
      '',
      'w1',
      'u1',
      'stress',
      'has_own_workplace',
      'after_hours_client_contact',
      '2026-11-01',
      '2026-02-30',
    ),
  );
  const junkObservation = fc.record(
    {
      id: fc.oneof(junkValue, fc.constant('o1')),
      workerId: junkValue,
      unitId: junkValue,
      indicator: fc.oneof(
        fc.constantFrom('stress', 'has_own_workplace', 'after_hours_client_contact', 'x'),
        junkValue,
      ),
      value: junkValue,
      observedAt: fc.oneof(fc.constantFrom('2026-11-01', '2026-02-30'), junkValue),
      source: fc.oneof(fc.constantFrom('supervision', 'import', 'rumour'), junkValue),
      note: fc.oneof(fc.constant(undefined), fc.string(), fc.integer()),
    },
    { requiredKeys: [] },
  );

  const validBase = fc.constantFrom(
    anObservation('stress', 3),
    anObservation('after_hours_client_contact', 0),
    anObservation('has_own_workplace', false, { unit: true }),
    anObservation('private_number_shared', true),
  );
  const fields = [
    'id',
    'workerId',
    'unitId',
    'indicator',
    'value',
    'observedAt',
    'source',
    'sourceRef',
    'note',
  ];
  const nearlyValid = fc
    .tuple(validBase, fc.constantFrom(...fields), junkValue, fc.boolean())
    .map(([base, field, junk, mutate]) => (mutate ? { ...base, [field]: junk } : base));
  const candidate = fc.oneof(junkObservation, junkValue, nearlyValid);

  it('is exercised on valid observations too, not only on junk', () => {
    const samples = fc.sample(candidate, { numRuns: 3000, seed: 42 });
    expect(samples.filter((o) => isObservation(o)).length).toBeGreaterThan(300);
  });

  it('gives the same verdict as the zod schema', () => {
    fc.assert(
      fc.property(candidate, (c) => {
        expect(isObservation(c)).toBe(observationSchema.safeParse(c).success);
      }),
      { numRuns: 3000 },
    );
  });
});
