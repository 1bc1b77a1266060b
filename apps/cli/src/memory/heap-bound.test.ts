import { describe, expect, it } from 'vitest';
import { heapBoundedProgress } from './heap-bound';

const recording = () => {
  const calls: string[] = [];
  return {
    calls,
    progress: {
      start: (phase: string, total: number) => calls.push(`start ${phase} ${total}`),
      update: (done: number) => calls.push(`update ${done}`),
      finish: () => calls.push('finish'),
    },
  };
};

describe('heapBoundedProgress', () => {
  it('passes every call through and collects nothing while the RSS is under the threshold', () => {
    const { calls, progress } = recording();
    const bounded = heapBoundedProgress(progress, Number.MAX_SAFE_INTEGER);
    bounded.start('reading', 10);
    for (let i = 1; i <= 10; i++) bounded.update(i);
    bounded.finish();
    expect(calls).toEqual([
      'start reading 10',
      ...Array.from({ length: 10 }, (_, i) => `update ${i + 1}`),
      'finish',
    ]);
    expect(bounded.collections).toBe(0);
  });

  it('over the threshold it collects, at most once per spacing of progress', () => {
    const { progress } = recording();
    const bounded = heapBoundedProgress(progress, 0, 100);
    bounded.start('reading', 1000);
    expect(bounded.collections).toBe(1);
    for (let done = 0; done <= 1000; done += 10) bounded.update(done);
    // Then at 0, 100, 200, ... 1000: one per 100 units, not one per update.
    expect(bounded.collections).toBe(12);
    const before = process.memoryUsage().heapUsed;
    let garbage: unknown[] | null = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `x${i}` }));
    expect(garbage.length).toBe(200_000);
    garbage = null;
    bounded.update(2000);
    expect(bounded.collections).toBe(13);
    // The collection really ran: the garbage is gone.
    expect(process.memoryUsage().heapUsed).toBeLessThan(before + 4 * 1024 * 1024);
  });
});
