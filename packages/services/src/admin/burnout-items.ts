/**
 * The burnout instrument an admin may enable (issue 12 item 4, ADR 0041): the organisation pastes the
 * item texts it licensed, in the published order and count the scoring expects (PeerBridge ships no
 * copyrighted items, only the scoring); null turns the instrument off. The change goes through
 * `updateOrganization`, so it is audited as `organization.update` like every other setting.
 */
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';
import { loadOrganizationSettings } from '../organization/organization-settings';
import { type BurnoutItems, burnoutItemsSchema } from '../organization/wellbeing-settings';
import { updateOrganization } from './organization-settings';

/** `items`: the texts per scale, or null to turn the instrument off. */
export const setBurnoutItemsInput = z.object({ items: burnoutItemsSchema });

/** What the admin form shows: the stored texts, or null while the instrument is off. */
export interface BurnoutInstrument {
  items: BurnoutItems | null;
}

export async function getBurnoutItems(db: Db, actor: Actor): Promise<BurnoutInstrument> {
  requireRole(actor, 'admin');
  const { burnoutItems } = await loadOrganizationSettings(db, actor.organizationId);
  return { items: burnoutItems };
}

/** Enables the instrument with these texts, replaces them, or (null) turns it off. */
export async function setBurnoutItems(
  db: Db,
  actor: Actor,
  input: z.input<typeof setBurnoutItemsInput>,
): Promise<BurnoutInstrument> {
  requireRole(actor, 'admin');
  const { items } = parseServiceInput(setBurnoutItemsInput, input);
  const settings = await updateOrganization(db, actor, { burnoutItems: items });
  return { items: settings.burnoutItems };
}
