/** _cuα on the worked example of Krippendorff (2004), Content Analysis, 2nd ed., p. 254. */
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import { unitizingAlpha } from './unitizing-alpha';

/**
 * The book's continuum runs from 150 to 450 (L = 300); coders i and j. Category c: i marks 225-295 and 370-400,
 * j marks 220-300, 355-375 and 400-420. Category k: both mark 180-240 and 300-350. Positions here are shifted
 * by -150 so the continuum starts at 0.
 */
const L = 300;
const at = (start: number, length: number) => ({ start: start - 150, end: start - 150 + length });
const c = [
  { coder: 'i', ...at(225, 70) },
  { coder: 'i', ...at(370, 30) },
  { coder: 'j', ...at(220, 80) },
  { coder: 'j', ...at(355, 20) },
  { coder: 'j', ...at(400, 20) },
];
const k = [
  { coder: 'i', ...at(180, 60) },
  { coder: 'i', ...at(300, 50) },
  { coder: 'j', ...at(180, 60) },
  { coder: 'j', ...at(300, 50) },
];

describe('unitizingAlpha (Krippendorff 2004, section 12.4)', () => {
  it('reproduces the book: category c has D_o = .0144, D_e = .0532, cuα = .7286', () => {
    const r = unitizingAlpha({ length: L, coders: ['i', 'j'], spans: c });
    expect(r.observed).toBeCloseTo(0.0144, 4);
    expect(r.expected).toBeCloseTo(0.0532, 4);
    expect(r.alpha).toBeCloseTo(0.7286, 4);
  });

  it('reproduces the book: category k, marked identically, has D_o = 0, D_e = .0490, cuα = 1', () => {
    const r = unitizingAlpha({ length: L, coders: ['i', 'j'], spans: k });
    expect(r.observed).toBe(0);
    expect(r.expected).toBeCloseTo(0.049, 4);
    expect(r.alpha).toBe(1);
  });

  it("reproduces the book's distances: 50 for 225+70 vs 220+80, 850 for 370+30 vs 355+20 (+ 400 inside a gap)", () => {
    // One overlap pair per case, two coders: D_o * m(m-1) L² / 2 gives the summed distance of the pair.
    const sum = (spans: { coder: string; start: number; end: number }[], length: number) =>
      (unitizingAlpha({ length, coders: ['i', 'j'], spans }).observed * 2 * length * length) / 2;
    expect(
      sum(
        [
          { coder: 'i', start: 5, end: 75 },
          { coder: 'j', start: 0, end: 80 },
        ],
        100,
      ),
    ).toBeCloseTo(50, 9);
    expect(
      sum(
        [
          { coder: 'i', start: 15, end: 45 },
          { coder: 'j', start: 0, end: 20 },
        ],
        100,
      ),
    ).toBeCloseTo(850, 9);
    expect(sum([{ coder: 'j', start: 10, end: 30 }], 100)).toBeCloseTo(400, 9);
  });

  it('does not depend on the order of spans or coders, and merges a coder’s overlapping spans', () => {
    const a = unitizingAlpha({ length: L, coders: ['i', 'j'], spans: c });
    const b = unitizingAlpha({ length: L, coders: ['j', 'i'], spans: [...c].reverse() });
    expect(b.alpha).toBeCloseTo(a.alpha!, 12);
    const split = [...c.slice(1), { coder: 'i', start: 75, end: 110 }, { coder: 'i', start: 100, end: 145 }];
    expect(unitizingAlpha({ length: L, coders: ['i', 'j'], spans: split }).alpha).toBeCloseTo(a.alpha!, 12);
  });

  it('is null when nobody marked anything, and 1 for identical marking by three coders', () => {
    expect(unitizingAlpha({ length: 10, coders: ['a', 'b'], spans: [] }).alpha).toBeNull();
    const same = ['a', 'b', 'c'].map((coder) => ({ coder, start: 2, end: 6 }));
    expect(unitizingAlpha({ length: 10, coders: ['a', 'b', 'c'], spans: same }).alpha).toBe(1);
  });

  it('rejects spans outside the continuum or of unknown coders, naming the field', () => {
    const bad = () =>
      unitizingAlpha({ length: 10, coders: ['a', 'b'], spans: [{ coder: 'z', start: 4, end: 12 }] });
    expect(bad).toThrow(DomainValidationError);
    expect(bad).toThrow(
      /spans\.0\.coder: expected one of coders; spans\.0\.end: expected end <= length \(10\)/,
    );
  });
});
