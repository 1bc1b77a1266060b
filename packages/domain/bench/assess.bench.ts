/** Benchmark (not a test): assess over 10,000 synthetic PSWs x 200 observations, against a plain-loop floor. */
import { assess, catalog, indicatorIds, type Observation } from '../src/index';

const PSWS = Number(process.env.BENCH_PSWS ?? 10_000);
const PER_PSW = 200;
const AS_OF = '2026-11-26';

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(20261126);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const dayMs = 86_400_000;
const asOfMs = Date.parse(`${AS_OF}T00:00:00Z`);
const dateBefore = (days: number) => new Date(asOfMs - days * dayMs).toISOString().slice(0, 10);

type Input = Parameters<typeof assess>[0];
const inputs: Input[] = [];
for (let p = 0; p < PSWS; p++) {
  const workerId = `w${p}`;
  const unitId = `u${p % 50}`;
  const observations: Observation[] = [];
  for (let i = 0; i < PER_PSW; i++) {
    const indicator = pick(indicatorIds);
    const shape = catalog.indicators[indicator];
    const value =
      shape.kind === 'likert'
        ? 1 + Math.floor(rand() * 5)
        : shape.kind === 'bool'
          ? rand() < 0.5
          : Math.floor(rand() * 4);
    const onUnit = shape.level === 'unit' && rand() < 0.5;
    const id = `o${p}-${i}`;
    const observedAt = dateBefore(Math.floor(rand() * 200) - 5);
    // Two fixed object shapes, as rows parsed from a database or JSON would have.
    observations.push(
      onUnit
        ? { id, unitId, indicator, value, observedAt, source: 'supervision' }
        : { id, workerId, indicator, value, observedAt, source: 'supervision' },
    );
  }
  inputs.push({
    asOf: AS_OF,
    worker: { id: workerId, startedOn: dateBefore(30 + Math.floor(rand() * 1500)), unitId },
    unit: { id: unitId, setting: pick(['inpatient', 'community', 'other'] as const) },
    observations,
    sessions: [{ heldOn: dateBefore(Math.floor(rand() * 90)) }],
  });
}
const totalObservations = PSWS * PER_PSW;

/** The floor: read every observation once in a plain loop (sum of values and id lengths by indicator). */
function floor(): number {
  const sums = new Map<string, number>();
  let checksum = 0;
  for (const input of inputs) {
    for (const o of input.observations) {
      const v = typeof o.value === 'number' ? o.value : o.value ? 1 : 0;
      sums.set(o.indicator, (sums.get(o.indicator) ?? 0) + v + o.id.length + o.observedAt.length);
    }
  }
  for (const v of sums.values()) checksum += v;
  return checksum;
}

function assessAll(): number {
  let checksum = 0;
  for (const input of inputs) checksum += assess(input).cards.length;
  return checksum;
}

function time(fn: () => number, runs: number): { ms: number; checksum: number } {
  fn(); // warm-up (JIT)
  const gc = (globalThis as { gc?: () => void }).gc;
  let best = Number.POSITIVE_INFINITY;
  let checksum = 0;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t0 = performance.now();
    checksum = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, checksum };
}

const floorRun = time(floor, 5);
const assessRun = time(assessAll, 3);
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
const row = (name: string, ms: number) =>
  `| ${name.padEnd(26)} | ${ms.toFixed(1).padStart(10)} | ${perSecond(PSWS, ms).padStart(12)} | ${perSecond(totalObservations, ms).padStart(15)} |`;

console.log(
  `\n${PSWS.toLocaleString('en-US')} PSWs x ${PER_PSW} observations (${totalObservations.toLocaleString('en-US')}), best of runs, Node ${process.version}\n`,
);
console.log('| run                        |    ms best |       PSWs/s |  observations/s |');
console.log('|----------------------------|-----------:|-------------:|----------------:|');
console.log(row('floor (plain loop)', floorRun.ms));
console.log(row('assess (validated)', assessRun.ms));
console.log(
  `\nassess / floor = ${(assessRun.ms / floorRun.ms).toFixed(1)}x (target <= 10x); checksums ${floorRun.checksum} / ${assessRun.checksum}`,
);
