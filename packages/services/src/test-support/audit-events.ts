/** Test support for the audit screen's tests: a second organisation and events written with chosen fields. */
import { appendAuditEvent } from '@peerbridge/db';
import type { Actor } from '../actor';
import type { Db } from '../db';

export interface SeededEvent {
  id: string;
  actorUserId: string;
  action: string;
  entityType: string;
  entityId: string;
  at: string;
}

/** A second organisation with its own admin and a PSW, beside `aSmallOrganization`'s `org-1`. */
export async function anotherOrganization(db: Db): Promise<{ admin: Actor; workerId: string }> {
  const now = new Date().toISOString();
  await db
    .insertInto('organization')
    .values({ id: 'org-2', name: 'Other Synthetic Trust', created_at: now })
    .execute();
  await db
    .insertInto('user')
    .values({
      id: 'u-admin-2',
      name: 'Admin Two',
      email: 'admin-2@example.test',
      emailVerified: 0,
      image: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('membership')
    .values({
      id: 'm-admin-2',
      organization_id: 'org-2',
      user_id: 'u-admin-2',
      role: 'admin',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('unit')
    .values({
      id: 'unit-org2',
      organization_id: 'org-2',
      name: 'Ward Z',
      setting: 'inpatient',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('peer_worker')
    .values({
      id: 'w-org2',
      organization_id: 'org-2',
      unit_id: 'unit-org2',
      display_name: 'Peer Elsewhere',
      started_on: '2024-01-10',
      created_at: now,
    })
    .execute();
  return { admin: { userId: 'u-admin-2', organizationId: 'org-2', roles: ['admin'] }, workerId: 'w-org2' };
}

/** Appends one event in `organizationId` exactly as given (actor name stored as given). */
export async function seedEvent(
  db: Db,
  organizationId: string,
  event: Omit<SeededEvent, 'id'> & { actorName?: string },
): Promise<SeededEvent> {
  const record = await appendAuditEvent(
    db,
    organizationId,
    {
      actorUserId: event.actorUserId,
      actorName: event.actorName ?? `Name of ${event.actorUserId}`,
      actorRoles: ['admin'],
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      at: event.at,
    },
    { changesData: false },
  );
  return { ...event, id: record.id };
}
