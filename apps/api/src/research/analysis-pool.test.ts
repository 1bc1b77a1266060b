/** The analysis pool's bounds: a full queue refuses at once (503 at the api), and answers match the domain's. */
import type { CodedSegment, TextUnit } from '@peerbridge/domain';
import { inProcessAnalysis } from '@peerbridge/services';
import { afterEach, describe, expect, it } from 'vitest';
import { type AnalysisPool, createAnalysisPool } from './analysis-pool';

function heavyInput(units: number): { segments: CodedSegment[]; units: TextUnit[] } {
  const list: TextUnit[] = [];
  const segments: CodedSegment[] = [];
  for (let i = 0; i < units; i++) {
    list.push({ documentId: 'd', start: i * 100, end: i * 100 + 90 });
    for (const coderId of ['c1', 'c2']) {
      if ((i + coderId.length) % 3 === 0) continue;
      segments.push({
        id: `${coderId}-${i}`,
        documentId: 'd',
        codeId: `k${i % 7}`,
        start: i * 100,
        end: i * 100 + 40,
        coderId,
      });
    }
  }
  return { segments, units: list };
}

describe('the analysis pool', () => {
  let pool: AnalysisPool | undefined;
  afterEach(async () => {
    await pool?.destroy();
  });

  it('gives the same answer as the domain run in process', async () => {
    pool = createAnalysisPool({ threads: 1 });
    const input = heavyInput(500);
    expect(await pool.agreement(input)).toEqual(await inProcessAnalysis.agreement(input));
    expect(await pool.coOccurrence(input.segments)).toEqual(
      await inProcessAnalysis.coOccurrence(input.segments),
    );
  });

  it('refuses calls beyond its queue with SERVICE_UNAVAILABLE instead of piling them up', async () => {
    pool = createAnalysisPool({ threads: 1, maxQueue: 1 });
    const input = heavyInput(2000);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => pool!.agreement(input)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Too many analyses are running; try again in a moment.',
      });
    }
  }, 60_000);
});
