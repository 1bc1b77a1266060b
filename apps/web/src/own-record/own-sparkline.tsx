/**
 * A small line of one question's answers, oldest first, drawn as plain SVG: light on a phone, the same
 * on paper (no animation); the line joins the answered check-ins and a dot marks each. Decorative only:
 * the words beside it and the trend's table carry the meaning.
 */
const W = 96;
const H = 28;
const PAD = 3;

/** `lo`..`hi`: the answer's whole range (1..5, no..yes, 0..the most counted), so a small change looks small. */
export function OwnSparkline({
  values,
  lo,
  hi,
}: {
  values: readonly (number | null)[];
  lo: number;
  hi: number;
}) {
  const span = Math.max(hi - lo, 1);
  const x = (i: number) => (values.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (values.length - 1));
  const y = (v: number) => H - PAD - ((v - lo) * (H - 2 * PAD)) / span;
  const points = values.flatMap((v, i) => (v === null ? [] : [{ x: x(i), y: y(v) }]));
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="presentation" data-testid="own-sparkline">
      <polyline
        points={points.map((p) => `${p.x},${p.y}`).join(' ')}
        fill="none"
        stroke="var(--mantine-color-indigo-7)"
        strokeWidth={2}
      />
      {points.map((p) => (
        <circle key={`${p.x}`} cx={p.x} cy={p.y} r={2.5} fill="var(--mantine-color-indigo-7)" />
      ))}
    </svg>
  );
}
