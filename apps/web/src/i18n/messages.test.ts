import { describe, expect, it } from 'vitest';
import { cs } from './cs';
import { en } from './en';
import { keysOf } from './messages';

describe('translations', () => {
  it('has a Czech text for every English key and no Czech key without an English one', () => {
    expect(keysOf(cs)).toEqual(keysOf(en));
  });

  it('gives Czech plurals every form Czech needs (one, few, many, other)', () => {
    const flat = JSON.stringify(cs);
    for (const match of flat.matchAll(/"(\w+)_one"/g)) {
      const base = match[1];
      for (const form of ['few', 'many', 'other'])
        expect(flat, `${base}_${form}`).toContain(`"${base}_${form}"`);
    }
  });
});
