import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import { observationSchema } from '../../evidence/observation';
import { aSegment } from '../segments/a-segment';
import type { CodeMapping } from './code-mapping';
import { segmentsToObservations } from './segments-to-observations';

const guidAfterHours = '0f9e8c1a-0000-4000-8000-000000000001';
const mapping: CodeMapping = {
  rules: [
    { codeGuid: guidAfterHours, indicator: 'after_hours_client_contact' },
    { codeName: 'Private number', indicator: 'private_number_shared' },
    { codeName: 'Exhausted', indicator: 'exhaustion' },
    { codeName: 'Very exhausted', indicator: 'exhaustion', value: 5 },
  ],
};
const on = { observedAt: '2026-10-01' };

describe('segmentsToObservations', () => {
  it('turns mapped segments into interview observations about the participant', () => {
    const result = segmentsToObservations(
      mapping,
      [aSegment({ id: 'seg1', codeId: `{${guidAfterHours.toUpperCase()}}`, participantId: 'p1' })],
      on,
    );
    expect(result.observations).toEqual([
      {
        id: 'seg1:after_hours_client_contact',
        workerId: 'p1',
        indicator: 'after_hours_client_contact',
        value: 1,
        observedAt: '2026-10-01',
        source: 'interview',
        sourceRef: 'seg1',
      },
    ]);
    expect(result.unmappedCodes).toEqual([]);
  });

  it('matches names trimmed and case-insensitively, with defaults per kind (bool true, likert 4)', () => {
    const { observations } = segmentsToObservations(
      mapping,
      [
        aSegment({ id: 'a', codeId: 'c-priv', codeName: ' private NUMBER ', participantId: 'p1' }),
        aSegment({ id: 'b', codeId: 'c-exh', codeName: 'Exhausted', participantId: 'p1' }),
        aSegment({ id: 'c', codeId: 'c-vexh', codeName: 'Very exhausted', participantId: 'p1' }),
      ],
      on,
    );
    expect(observations.map((o) => [o.indicator, o.value])).toEqual([
      ['private_number_shared', true],
      ['exhaustion', 4],
      ['exhaustion', 5],
    ]);
    for (const o of observations) expect(observationSchema.safeParse(o).success).toBe(true);
  });

  it('takes the participant from the document when the segment has none, and the date per document', () => {
    const { observations, segmentsWithoutParticipant } = segmentsToObservations(
      { ...mapping, documentParticipants: { d7: 'p7' } },
      [
        aSegment({ id: 'x', documentId: 'd7', codeId: 'c', codeName: 'Exhausted' }),
        aSegment({ id: 'y', documentId: 'd8', codeId: 'c', codeName: 'Exhausted' }),
      ],
      { observedAt: '2026-10-01', documentDates: { d7: '2026-09-15' } },
    );
    expect(observations).toHaveLength(1);
    expect(observations[0]).toMatchObject({ workerId: 'p7', observedAt: '2026-09-15' });
    expect(segmentsWithoutParticipant).toEqual(['y']);
  });

  it('reports unmapped codes with their segment counts, sorted', () => {
    const { unmappedCodes, observations } = segmentsToObservations(
      mapping,
      [
        aSegment({ codeId: 'zeta', codeName: 'Hobbies', participantId: 'p1' }),
        aSegment({ codeId: 'alpha', participantId: 'p1' }),
        aSegment({ codeId: 'zeta', codeName: 'Hobbies', participantId: 'p2' }),
      ],
      on,
    );
    expect(observations).toEqual([]);
    expect(unmappedCodes).toEqual([
      { codeId: 'alpha', segments: 1 },
      { codeId: 'zeta', codeName: 'Hobbies', segments: 2 },
    ]);
  });

  it('gives the same output for shuffled input', () => {
    const segments = [
      aSegment({ id: 's-b', codeId: 'c', codeName: 'Exhausted', participantId: 'p2' }),
      aSegment({ id: 's-a', codeId: 'c', codeName: 'Private number', participantId: 'p1' }),
    ];
    expect(segmentsToObservations(mapping, segments, on)).toEqual(
      segmentsToObservations(mapping, [...segments].reverse(), on),
    );
  });

  it('rejects rules without a code, values that do not fit the indicator, and bad dates', () => {
    expect(() => segmentsToObservations({ rules: [{ indicator: 'stress' }] }, [], on)).toThrow(
      /rules\.0\.codeGuid/,
    );
    expect(() =>
      segmentsToObservations({ rules: [{ codeName: 'x', indicator: 'stress', value: 9 }] }, [], on),
    ).toThrow(/rules\.0\.value: expected an integer from 1 to 5/);
    expect(() =>
      segmentsToObservations(
        { rules: [{ codeName: 'x', indicator: 'meets_clients_outside_work', value: 0 }] },
        [],
        on,
      ),
    ).toThrow(/positive integer count/);
    expect(() =>
      segmentsToObservations(
        { rules: [{ codeName: 'x', indicator: 'not_an_indicator' as 'stress' }] },
        [],
        on,
      ),
    ).toThrow(DomainValidationError);
    expect(() => segmentsToObservations(mapping, [], { observedAt: '2026-02-30' })).toThrow(/observedAt/);
  });
});
