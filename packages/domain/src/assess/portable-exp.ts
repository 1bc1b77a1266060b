/**
 * e^x for x <= 0 from + - * / only. Math.exp is not required to be correctly rounded, so engines
 * (V8, SpiderMonkey, JavaScriptCore) may differ in the last bit; basic IEEE-754 arithmetic does
 * not, which keeps event strengths, and so every assessment, byte-identical in Node and browsers.
 */

// ln 2 split in two (as in fdlibm): k * LN2_HI is exact, so the reduction loses no precision.
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

// 2^-k for k = 0..1074, each exact (halving a power of two is exact down to the smallest subnormal).
const negativePowersOfTwo: number[] = [1];
for (let k = 1; k <= 1074; k++) negativePowersOfTwo.push((negativePowersOfTwo[k - 1] as number) / 2);

/** e^x for x <= 0, within a few ulps of Math.exp and identical on every engine. */
export function portableExp(x: number): number {
  if (!(x <= 0)) throw new RangeError(`portableExp expects x <= 0, got ${x}`);
  if (x < -745) return 0;
  // x = -k ln2 + r with |r| <= ln2 / 2, so e^x = 2^-k * e^r and the series for e^r converges fast.
  const k = Math.round(-x / Math.LN2);
  const r = x + k * LN2_HI + k * LN2_LO;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 20; n++) {
    term = (term * r) / n;
    sum += term;
  }
  const scale = negativePowersOfTwo[k];
  if (scale === undefined) return 0;
  // Split the scaling so a subnormal result is not reached through an intermediate underflow.
  return k > 1000
    ? sum * (negativePowersOfTwo[1000] as number) * (negativePowersOfTwo[k - 1000] as number)
    : sum * scale;
}
