import { describe, expect, it } from 'vitest';
import { heatmapModel } from './co-occurrence-heatmap';

describe('heatmapModel', () => {
  it('lists each code once, sorted, and finds a pair in either order', () => {
    const model = heatmapModel([
      { codeA: 'b', codeB: 'a', n12: 2, c: 0.5 },
      { codeA: 'a', codeB: 'c', n12: 1, c: 0.25 },
    ]);
    expect(model.codes).toEqual(['a', 'b', 'c']);
    expect(model.cell('a', 'b')?.c).toBe(0.5);
    expect(model.cell('b', 'a')?.c).toBe(0.5);
    expect(model.cell('b', 'c')).toBeUndefined();
  });
});
