import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id';

describe('timeOrderedId', () => {
  it('gives distinct UUID v7 ids that sort in the order they were made', () => {
    const ids: string[] = [];
    // More than one pool of random bytes, and many ids per millisecond.
    for (let i = 0; i < 5000; i++) ids.push(timeOrderedId());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const sorted = [...ids].sort();
    expect(sorted).toEqual(ids);
  });

  it('does not repeat the random part between ids of the same millisecond', () => {
    const tails = new Set<string>();
    for (let i = 0; i < 1000; i++) tails.add(timeOrderedId().slice(-12));
    expect(tails.size).toBeGreaterThan(990);
  });
});
