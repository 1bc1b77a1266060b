/**
 * Checkpoints of the audit chain heads (ADR 0008): where each chain ended, with the hash there. Kept
 * where the database user cannot rewrite them (the log, every backup), they let `audit verify
 * --checkpoint` catch a truncated tail or a chain recomputed from some point on.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export const CHECKPOINT_FORMAT = 'peerbridge-audit-checkpoint/1';

/** One chain's position: its organisation (null for the system chain), a sequence number and the hash there. */
export interface ChainPosition {
  organizationId: string | null;
  seq: number;
  hash: string;
}

export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  /** When it was taken (ISO 8601). */
  takenAt: string;
  chains: ChainPosition[];
}

/** Checks a parsed value is a checkpoint; returns the first problem (path: expected) or the checkpoint. */
function asCheckpoint(value: unknown): AuditCheckpoint | string {
  if (typeof value !== 'object' || value === null) return 'expected an object';
  const v = value as Record<string, unknown>;
  if (v.format !== CHECKPOINT_FORMAT) return `format: expected "${CHECKPOINT_FORMAT}"`;
  if (typeof v.takenAt !== 'string') return 'takenAt: expected an ISO 8601 timestamp';
  if (!Array.isArray(v.chains)) return 'chains: expected an array';
  for (const [i, c] of (v.chains as unknown[]).entries()) {
    const p = (c ?? {}) as Record<string, unknown>;
    if (p.organizationId !== null && typeof p.organizationId !== 'string')
      return `chains.${i}.organizationId: expected a string or null`;
    if (typeof p.seq !== 'number' || !Number.isInteger(p.seq) || p.seq < 0)
      return `chains.${i}.seq: expected a whole number from 0`;
    if (typeof p.hash !== 'string' || !/^[0-9a-f]{64}$/.test(p.hash))
      return `chains.${i}.hash: expected a 64-digit hex SHA-256`;
  }
  return value as AuditCheckpoint;
}

/** Reads the chain heads as they are now, as a checkpoint. */
export async function takeAuditCheckpoint(db: Kysely<Database>, now = new Date()): Promise<AuditCheckpoint> {
  const heads = await db
    .selectFrom('audit_chain_head')
    .select(['chain', 'seq', 'hash'])
    .orderBy('chain')
    .execute();
  return {
    format: CHECKPOINT_FORMAT,
    takenAt: now.toISOString(),
    chains: heads
      .filter((h) => Number(h.seq) > 0)
      .map((h) => ({ organizationId: h.chain === '' ? null : h.chain, seq: Number(h.seq), hash: h.hash })),
  };
}

/** Thrown for a checkpoint file that is not one; the message names the line and what was expected. */
export class CheckpointFormatError extends Error {
  override readonly name = 'CheckpointFormatError';
}

/**
 * Parses a checkpoint file: either one checkpoint JSON document (what `backup` writes), or a log of
 * JSON lines (pino), of which the lines carrying `auditCheckpoint` are merged, the furthest position of
 * each chain winning.
 */
export function parseAuditCheckpoint(text: string, source = 'checkpoint'): AuditCheckpoint {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new CheckpointFormatError(`${source} is empty: expected a ${CHECKPOINT_FORMAT} document`);
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    // Not one JSON document: read it as a log, one JSON object per line.
  }
  if (whole !== undefined && !(typeof whole === 'object' && whole !== null && 'auditCheckpoint' in whole)) {
    const checked = asCheckpoint(whole);
    if (typeof checked === 'string') throw new CheckpointFormatError(`${source}: ${checked}`);
    return checked;
  }
  const furthest = new Map<string, ChainPosition>();
  let takenAt = '';
  let found = 0;
  const lines = trimmed.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.includes('auditCheckpoint')) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new CheckpointFormatError(`${source} line ${index + 1}: expected a JSON log line`);
    }
    const parsed = asCheckpoint((value as { auditCheckpoint?: unknown }).auditCheckpoint);
    if (typeof parsed === 'string')
      throw new CheckpointFormatError(`${source} line ${index + 1}: auditCheckpoint.${parsed}`);
    found++;
    if (parsed.takenAt > takenAt) takenAt = parsed.takenAt;
    for (const p of parsed.chains) {
      const key = p.organizationId ?? '';
      if ((furthest.get(key)?.seq ?? -1) < p.seq) furthest.set(key, p);
    }
  }
  if (found === 0)
    throw new CheckpointFormatError(
      `${source} holds no checkpoint: expected a ${CHECKPOINT_FORMAT} document or log lines with auditCheckpoint`,
    );
  return { format: CHECKPOINT_FORMAT, takenAt, chains: [...furthest.values()] };
}
