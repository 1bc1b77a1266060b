/**
 * `assess` memoised. The domain's `assess` is pure and deterministic (same inputs, byte-identical
 * output, whatever the order of observations), so an assessment can be reused whenever a fingerprint
 * of all its inputs matches. Every request still reads the evidence from the database, so several
 * processes never serve stale results; only the computation is skipped. Callers must not mutate the
 * returned object.
 */
import { createHash } from 'node:crypto';
import { type AssessInput, type Assessment, assess, defaultRuleset } from '@peerbridge/domain';

/** Bounded so memory stays flat (an assessment is a few kB); the oldest entries go first. */
const MAX_ENTRIES = 4000;
const cache = new Map<string, Assessment>();

function fingerprint(input: AssessInput): string {
  const ruleset = input.ruleset ?? defaultRuleset;
  const observations = input.observations
    .map(
      (o) =>
        `${o.id}\u0001${o.workerId ?? ''}\u0001${o.unitId ?? ''}\u0001${o.indicator}\u0001${String(o.value)}\u0001${o.observedAt}\u0001${o.source}`,
    )
    .sort();
  const sessions = (input.sessions ?? []).map((s) => `${s.heldOn}\u0001${s.id ?? ''}`).sort();
  const head = [
    ruleset.id,
    ruleset.version,
    input.asOf,
    input.worker.id,
    input.worker.startedOn,
    input.worker.unitId ?? '',
    input.unit?.id ?? '',
    input.unit?.setting ?? '',
    String(input.cadenceDays ?? ''),
  ].join('\u0001');
  return createHash('sha256')
    .update(head)
    .update('\u0002')
    .update(sessions.join('\u0002'))
    .update('\u0003')
    .update(observations.join('\u0002'))
    .digest('base64');
}

/** The same result as `assess(input)`, computed once per distinct input. */
export function assessMemoized(input: AssessInput): Assessment {
  if (input.ruleset !== undefined && input.ruleset !== defaultRuleset) return assess(input);
  const key = fingerprint(input);
  const hit = cache.get(key);
  if (hit) {
    // Re-insert so the Map's insertion order works as least-recently-used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = assess(input);
  cache.set(key, result);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return result;
}
