/**
 * Walks the audit hash chains (ADR 0008) and reports the first broken event of each: one whose content
 * no longer matches its hash, whose link to the event before it is broken, whose place is missing
 * (deleted), taken twice or outside the chain (inserted), a chain head that disagrees with the last event
 * (truncated tail), or a checkpoint the chain no longer reaches. The CLI's `audit verify`, the api's start
 * and `/readyz` all call this.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { AuditCheckpoint, ChainPosition } from './checkpoint';
import { chainKeyOf, eventHash, genesisHash } from './event-hash';
import { missingAuditGuards } from './guard-triggers';

export interface ChainBreak {
  organizationId: string | null;
  /** The place in the chain that is broken (the missing one, for a deleted event). */
  seq: number;
  /** The id of the broken event, or of the first one after a gap; null when nothing is there. */
  eventId: string | null;
  reason: string;
}

export interface AuditVerifyReport {
  ok: boolean;
  /** Guards that are missing, disabled or altered. */
  missingGuards: string[];
  /** The first break of each broken chain, in chain order. */
  breaks: ChainBreak[];
  /** Where each chain ends now (a checkpoint to keep). */
  heads: ChainPosition[];
  /** Events whose hashes were recomputed in this run. */
  eventsChecked: number;
  mode: 'full' | 'tail' | 'from';
}

export interface VerifyOptions {
  /** Positions a chain must still reach with the same hash (a checkpoint from a log or a backup). */
  checkpoint?: AuditCheckpoint | null;
  /**
   * `full` walks every event from genesis; `tail` only the last `tail` events of each chain; `from`
   * continues from positions verified before (`from`), checking those positions still hold.
   */
  mode?: 'full' | 'tail' | 'from';
  tail?: number;
  from?: readonly ChainPosition[];
}

const PAGE = 2000;

interface Row {
  id: string;
  organization_id: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_roles: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  at: string;
  details: string;
  chain: string;
  seq: number;
  prev_hash: string;
  hash: string;
}

function recompute(r: Row): string {
  return eventHash({
    id: r.id,
    organizationId: r.organization_id,
    seq: Number(r.seq),
    prevHash: r.prev_hash,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    actorRoles: r.actor_roles,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    at: r.at,
    details: r.details,
  });
}

function orgOfChain(chain: string): string | null {
  return chain === '' ? null : chain;
}

/** Verifies one chain from `startSeq` (trusting `startPrev` as the hash before it). */
async function verifyOneChain(
  db: Kysely<Database>,
  chain: string,
  start: { seq: number; prev: string | null },
  anchors: readonly ChainPosition[],
  head: { seq: number; hash: string } | undefined,
): Promise<{ broken: ChainBreak | null; last: ChainPosition | null; checked: number }> {
  const organizationId = orgOfChain(chain);
  const at = (seq: number, eventId: string | null, reason: string): ChainBreak => ({
    organizationId,
    seq,
    eventId,
    reason,
  });
  let expected = start.seq;
  let prev = start.prev;
  let last: ChainPosition | null = null;
  let checked = 0;
  let pastHead: string | null = null;
  const pending = new Map(anchors.map((a) => [a.seq, a.hash]));
  // Checkpoint positions before the walked range: each is one point lookup.
  for (const [seq, hash] of [...pending].filter(([seq]) => seq < start.seq).sort((x, y) => x[0] - y[0])) {
    const r = await db
      .selectFrom('audit_event')
      .select(['id', 'hash'])
      .where('chain', '=', chain)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!r)
      return { broken: at(seq, null, `event ${seq} of the checkpoint is missing (deleted)`), last, checked };
    if (r.hash !== hash)
      return { broken: at(seq, r.id, 'hash differs from the checkpoint (history rewritten)'), last, checked };
    pending.delete(seq);
  }
  let cursor = start.seq === 1 ? Number.NEGATIVE_INFINITY : start.seq - 1;
  for (;;) {
    let q = db.selectFrom('audit_event').selectAll().where('chain', '=', chain);
    if (cursor !== Number.NEGATIVE_INFINITY) q = q.where('seq', '>', cursor);
    const rows = (await q.orderBy('seq').orderBy('id').limit(PAGE).execute()) as Row[];
    for (const r of rows) {
      const seq = Number(r.seq);
      checked++;
      if (seq < 1 || r.hash === '' || r.prev_hash === '')
        return {
          broken: at(seq, r.id, 'event has no place in the chain (inserted outside it)'),
          last,
          checked,
        };
      if (seq < expected)
        return { broken: at(seq, r.id, `a second event claims place ${seq} (inserted)`), last, checked };
      if (seq > expected) {
        return {
          broken: at(
            expected,
            r.id,
            `event ${expected}${seq - 1 > expected ? `..${seq - 1}` : ''} is missing (deleted); the next is ${seq}`,
          ),
          last,
          checked,
        };
      }
      if (r.organization_id !== organizationId)
        return {
          broken: at(seq, r.id, 'event names another organisation than its chain (moved)'),
          last,
          checked,
        };
      if (prev !== null && r.prev_hash !== prev) {
        return {
          broken: at(seq, r.id, 'link to the event before is broken (that event or this one was replaced)'),
          last,
          checked,
        };
      }
      if (recompute(r) !== r.hash)
        return { broken: at(seq, r.id, 'content does not match its hash (changed)'), last, checked };
      const anchored = pending.get(seq);
      if (anchored !== undefined) {
        if (anchored !== r.hash)
          return {
            broken: at(seq, r.id, 'hash differs from the checkpoint (history rewritten)'),
            last,
            checked,
          };
        pending.delete(seq);
      }
      prev = r.hash;
      if (head && seq === head.seq + 1) pastHead = r.id;
      last = { organizationId, seq, hash: r.hash };
      expected = seq + 1;
    }
    if (rows.length < PAGE) break;
    cursor = Number(rows[rows.length - 1]?.seq);
  }
  const lastSeq = last?.seq ?? start.seq - 1;
  for (const [seq] of [...pending].sort((a, b) => a[0] - b[0])) {
    if (seq >= start.seq)
      return {
        broken: at(seq, null, `chain ends at ${lastSeq} but the checkpoint reached ${seq} (tail truncated)`),
        last,
        checked,
      };
  }
  if (head && head.seq < lastSeq) {
    const seq = head.seq + 1;
    return {
      broken: at(seq, pastHead, `event ${seq} lies past the chain head (${head.seq}): inserted`),
      last,
      checked,
    };
  }
  if (head && (head.seq > lastSeq || (last !== null && head.hash !== last.hash))) {
    return {
      broken: at(
        Math.min(head.seq, lastSeq + 1),
        null,
        head.seq > lastSeq
          ? `chain head says ${head.seq} events but the chain ends at ${lastSeq} (tail truncated)`
          : `chain head hash disagrees with event ${lastSeq}`,
      ),
      last,
      checked,
    };
  }
  return { broken: null, last, checked };
}

/** Verifies every audit chain; see `VerifyOptions` for the full, bounded and incremental modes. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<AuditVerifyReport> {
  const mode = options.mode ?? 'full';
  const missingGuards = await missingAuditGuards(db);
  const heads = await db.selectFrom('audit_chain_head').select(['chain', 'seq', 'hash']).execute();
  const headOf = new Map(heads.map((h) => [h.chain, { seq: Number(h.seq), hash: h.hash }]));
  const chains = new Set(heads.map((h) => h.chain));
  if (mode === 'full') {
    for (const r of await db.selectFrom('audit_event').select('chain').distinct().execute())
      chains.add(r.chain);
  }
  const checkpoint = options.checkpoint?.chains ?? [];
  for (const c of checkpoint) chains.add(chainKeyOf(c.organizationId));
  const from = new Map((options.from ?? []).map((p) => [chainKeyOf(p.organizationId), p]));
  const breaks: ChainBreak[] = [];
  const found: ChainPosition[] = [];
  let eventsChecked = 0;
  for (const chain of [...chains].sort()) {
    const head = headOf.get(chain);
    let start: { seq: number; prev: string | null } = { seq: 1, prev: genesisHash(orgOfChain(chain)) };
    if (mode === 'tail' && head) {
      const first = Math.max(1, head.seq - Math.max(1, options.tail ?? 1000) + 1);
      if (first > 1) start = { seq: first, prev: null };
    }
    const anchors = checkpoint.filter((c) => chainKeyOf(c.organizationId) === chain);
    const known = from.get(chain);
    if (mode === 'from' && known) {
      // Continue after the last verified position, which must still be there with the same hash.
      anchors.push(known);
      start = { seq: known.seq, prev: null };
    }
    const result = await verifyOneChain(db, chain, start, anchors, head);
    eventsChecked += result.checked;
    if (result.broken) breaks.push(result.broken);
    const end = result.last ?? (head ? { organizationId: orgOfChain(chain), ...head } : null);
    if (end) found.push(end);
  }
  return {
    ok: missingGuards.length === 0 && breaks.length === 0,
    missingGuards,
    breaks,
    heads: found,
    eventsChecked,
    mode,
  };
}
