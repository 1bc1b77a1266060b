import { describe, expect, it } from 'vitest';
import { colorsEnabled, makePalette, StringSink } from './terminal';

describe('colours', () => {
  const env = { noColor: false, forceColor: false };
  it('are on for a TTY and off for a pipe', () => {
    expect(colorsEnabled(new StringSink(true), env)).toBe(true);
    expect(colorsEnabled(new StringSink(false), env)).toBe(false);
  });
  it('are off with NO_COLOR even on a TTY, and on with FORCE_COLOR', () => {
    expect(colorsEnabled(new StringSink(true), { ...env, noColor: true })).toBe(false);
    expect(colorsEnabled(new StringSink(false), { ...env, forceColor: true })).toBe(true);
  });
  it('leave text untouched when disabled', () => {
    expect(makePalette(false).red('x')).toBe('x');
    expect(makePalette(true).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
