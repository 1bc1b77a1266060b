/**
 * What the PSW's check-in asks beyond the catalog (ADR 0041): the burnout items the organisation
 * licensed, or null while it has not enabled them. The caller's own PSW record must exist (ADR 0031),
 * as for the submit; the read is of the organisation's settings, not of a record, so it writes nothing.
 */
import { loadOwnWorker, requirePeerWorker } from '../access/own-worker';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { loadOrganizationSettings } from '../organization/organization-settings';
import type { BurnoutItems } from '../organization/wellbeing-settings';

export interface CheckInForm {
  /** Always kept for the PSW alone: never shared, never in an aggregate, assessment or export. */
  burnoutItems: BurnoutItems | null;
}

export async function getCheckInForm(db: Db, actor: Actor): Promise<CheckInForm> {
  requirePeerWorker(actor);
  await loadOwnWorker(db, actor);
  const { burnoutItems } = await loadOrganizationSettings(db, actor.organizationId);
  return { burnoutItems };
}
