/**
 * Refusals are audit events too (ADR 0009): a caller told NOT_FOUND or FORBIDDEN about a named record
 * leaves `access.refused` with the procedure, the field and id they asked for, and the answer. Written on
 * its own, after the refused call's transaction has rolled back, so the refusal survives it.
 */
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';

/** Input fields that name a record, in the order a refusal is attributed to them, with their entity type. */
export const RECORD_FIELDS = [
  ['workerId', 'peer_worker'],
  ['sessionId', 'supervision_session'],
  ['actionId', 'action_item'],
  ['planId', 'planned_session'],
  ['unitId', 'unit'],
  ['studyId', 'study'],
  ['userId', 'user'],
  ['supervisorUserId', 'user'],
  ['invitationId', 'membership_invitation'],
  ['tokenId', 'api_token'],
  ['notificationId', 'notification'],
  ['observationId', 'observation'],
] as const;

export interface RefusedTarget {
  field: (typeof RECORD_FIELDS)[number][0];
  entityType: string;
  entityId: string;
}

/** The first record an input names (a string id under one of RECORD_FIELDS), or null. */
export function refusedTargetOf(input: unknown): RefusedTarget | null {
  if (typeof input !== 'object' || input === null) return null;
  const fields = input as Record<string, unknown>;
  for (const [field, entityType] of RECORD_FIELDS) {
    const id = fields[field];
    if (typeof id === 'string' && id.length > 0) return { field, entityType, entityId: id.slice(0, 100) };
  }
  return null;
}

export interface Refusal {
  /** The procedure or command, e.g. `supervision.assessment`. */
  procedure: string;
  outcome: 'NOT_FOUND' | 'FORBIDDEN';
  target: RefusedTarget;
}

/** Writes one `access.refused` event in the actor's organisation (its own transaction). */
export async function recordRefusal(db: Db, actor: Actor, refusal: Refusal): Promise<void> {
  await recordAudit(db, actor, {
    action: 'access.refused',
    entityType: refusal.target.entityType,
    entityId: refusal.target.entityId,
    details: { procedure: refusal.procedure, outcome: refusal.outcome, field: refusal.target.field },
    changesData: false,
  });
}
