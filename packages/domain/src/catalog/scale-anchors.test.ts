/**
 * One set of scale anchors (issue 11 item 7): every 1–5 question names its two ends in one form,
 * "(1 …, 5 …)", in English and Czech; the same English end always reads the same in Czech; questions
 * that are not on a scale name no ends. The portal adds no general scale of its own next to them.
 */
import { describe, expect, it } from 'vitest';
import { checkInIndicatorIds } from './check-in-texts';
import { catalog, getIndicator, scaleEnds } from './index';
import { type IndicatorId, indicatorShapes } from './indicator-ids';

const anchors = /\(1 ([^,()]+), 5 ([^()]+)\)$/;

function endsOf(question: string): { low: string; high: string } | null {
  const match = anchors.exec(question);
  return match?.[1] && match[2] ? { low: match[1], high: match[2] } : null;
}

describe('scale anchors', () => {
  const likert = Object.entries(catalog.indicators).filter(
    ([id]) => indicatorShapes[id as IndicatorId].kind === 'likert',
  );
  const others = Object.entries(catalog.indicators).filter(
    ([id]) => indicatorShapes[id as IndicatorId].kind !== 'likert',
  );

  it('puts both ends on every 1–5 question, in both languages, in one form', () => {
    expect(likert.length).toBeGreaterThan(10);
    for (const [id, indicator] of likert) {
      expect(endsOf(indicator.question.en), `${id} (en): ${indicator.question.en}`).not.toBeNull();
      expect(endsOf(indicator.question.cs), `${id} (cs): ${indicator.question.cs}`).not.toBeNull();
    }
  });

  it('translates each English end the same way everywhere', () => {
    const low = new Map<string, Set<string>>();
    const high = new Map<string, Set<string>>();
    for (const [, indicator] of likert) {
      const en = endsOf(indicator.question.en);
      const cs = endsOf(indicator.question.cs);
      if (!en || !cs) continue;
      low.set(en.low, (low.get(en.low) ?? new Set()).add(cs.low));
      high.set(en.high, (high.get(en.high) ?? new Set()).add(cs.high));
    }
    for (const [end, czech] of [...low, ...high]) expect([...czech], `"${end}" in Czech`).toHaveLength(1);
  });

  it('names no ends on a yes/no or count question', () => {
    for (const [id, indicator] of others) {
      expect(endsOf(indicator.question.en), id).toBeNull();
      expect(endsOf(indicator.question.cs), id).toBeNull();
      expect(indicator.question.cs, id).not.toMatch(/\(1 /);
    }
  });

  it('gives every 1–5 question of the check-in the ends of its catalog question, and the others none', () => {
    for (const id of checkInIndicatorIds) {
      const ends = scaleEnds(id);
      if (getIndicator(id).kind !== 'likert') {
        expect(ends, id).toBeNull();
        continue;
      }
      expect(ends, id).not.toBeNull();
      expect(catalog.indicators[id].question.en.endsWith(`(${ends?.en})`), id).toBe(true);
      expect(catalog.indicators[id].question.cs.endsWith(`(${ends?.cs})`), id).toBe(true);
    }
    expect(scaleEnds('shares_lived_experience')).toEqual({
      en: '1 never, 5 very often',
      cs: '1 nikdy, 5 velmi často',
    });
  });
});
