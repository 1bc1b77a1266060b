/** The check-in's words: one per worker-level indicator and per unit condition, bilingual, our own. */
import { describe, expect, it } from 'vitest';
import { checkInIndicatorIds, checkInTexts, checkInUnitConditions } from './check-in-texts';
import { indicatorIds, indicatorShapes } from './indicator-ids';
import { indicatorTexts } from './indicator-texts';

describe('check-in wording', () => {
  it('asks about every worker-level indicator and the three unit conditions, each once', () => {
    const workerLevel = indicatorIds.filter((id) => indicatorShapes[id].level === 'worker');
    expect([...checkInIndicatorIds].sort()).toEqual([...workerLevel, ...checkInUnitConditions].sort());
    expect(new Set(checkInIndicatorIds).size).toBe(checkInIndicatorIds.length);
  });

  it('has an English and a Czech text for each, different from each other and from the supervisor question', () => {
    for (const id of checkInIndicatorIds) {
      const text = checkInTexts[id];
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.cs.length).toBeGreaterThan(10);
      expect(text.cs).not.toBe(text.en);
      expect(text.en).not.toBe(indicatorTexts[id].question.en);
    }
  });

  it('asks event questions as a count', () => {
    for (const id of checkInIndicatorIds.filter((i) => indicatorShapes[i].kind === 'event'))
      expect(checkInTexts[id].en).toMatch(/^How many times/);
  });
});
