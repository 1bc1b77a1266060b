import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, renderProgressLine } from './progress';
import { makePalette, StringSink } from './terminal';

describe('progress', () => {
  it('shows bar, percentage, counts, rate and ETA', () => {
    expect(renderProgressLine('writing rows', 2500, 10000, 0.5, 10)).toBe(
      'writing rows [###-------]  25% 2,500/10,000 5,000/s ETA 1.5s',
    );
  });

  it('formats durations short', () => {
    expect(formatDuration(3.25)).toBe('3.3s');
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(125)).toBe('2m 05s');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('?');
  });

  it('redraws in place on a TTY, throttled, and ends the line when done', () => {
    const sink = new StringSink(true);
    let t = 0;
    const progress = createProgress('bar', sink, makePalette(false), () => t, 100);
    progress.start('reading', 100);
    t = 10;
    progress.update(10); // within the throttle window: not drawn
    t = 200;
    progress.update(50);
    progress.finish();
    const frames = sink.text.split('\r\u001b[2K').filter(Boolean);
    expect(frames).toHaveLength(3);
    expect(frames[1]).toContain('50/100');
    expect(sink.text.endsWith('\n')).toBe(true);
  });

  it('writes plain lines for logs, and nothing in mode none', () => {
    const lines = new StringSink();
    createProgress('lines', lines, makePalette(false), () => 0).start('reading', 3);
    expect(lines.text).toMatch(/^progress: reading \[/);
    const none = new StringSink();
    const silent = createProgress('none', none, makePalette(false));
    silent.start('x', 1);
    silent.finish();
    expect(none.text).toBe('');
  });
});
