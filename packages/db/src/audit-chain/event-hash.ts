/**
 * The audit chain's hash (ADR 0008): SHA-256 over the canonical JSON of an event's stored columns plus
 * the previous event's hash. Every value is a string, an integer or null, so JSON.stringify with the keys
 * in a fixed sorted order is exactly RFC 8785 (JCS) for it. The migration that introduced the chain keeps
 * its own frozen copy of this; change neither without a new algorithm version.
 */
import { createHash } from 'node:crypto';

/** The version tag inside every hashed object; bump it (with a migration) if the canonical form changes. */
export const AUDIT_CHAIN_ALGORITHM = 'peerbridge-audit-v1';

/** The stored columns of one event that the hash covers, as they are in the database. */
export interface ChainedEventContent {
  id: string;
  organizationId: string | null;
  seq: number;
  prevHash: string;
  actorUserId: string | null;
  actorName: string | null;
  /** Comma-separated, sorted role names (as stored). */
  actorRoles: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  at: string;
  /** The stored JSON text, hashed verbatim: any byte changed shows. */
  details: string;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The chain key of an organisation: its id, or '' for events outside any organisation. */
export function chainKeyOf(organizationId: string | null): string {
  return organizationId ?? '';
}

/** The `prev_hash` of an organisation's first event: binds the chain to its organisation. */
export function genesisHash(organizationId: string | null): string {
  return sha256Hex(JSON.stringify({ algorithm: AUDIT_CHAIN_ALGORITHM, chain: chainKeyOf(organizationId) }));
}

/** The canonical JSON of an event (keys sorted, no whitespace). */
export function canonicalEventJson(e: ChainedEventContent): string {
  const sorted = {
    action: e.action,
    actorName: e.actorName,
    actorRoles: e.actorRoles,
    actorUserId: e.actorUserId,
    algorithm: AUDIT_CHAIN_ALGORITHM,
    at: e.at,
    details: e.details,
    entityId: e.entityId,
    entityType: e.entityType,
    id: e.id,
    organizationId: e.organizationId,
    prevHash: e.prevHash,
    seq: e.seq,
  };
  return JSON.stringify(sorted);
}

/** The `hash` of an event: SHA-256 (hex) of its canonical JSON, which includes the previous hash. */
export function eventHash(e: ChainedEventContent): string {
  return sha256Hex(canonicalEventJson(e));
}
