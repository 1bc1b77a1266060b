/** Admin management of PSW records (name, unit, start date, status) and of who supervises whom. */
import { isoDateSchema } from '@peerbridge/domain';
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { refreshStoredAssessments } from '../caseload/stored-assessments';
import { type Db, type DbOrTrx, newId, nowIso, todayIso } from '../db';
import { conflict, invalidField, notFound, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { idSchema } from '../schemas';
import { freezeCohorts } from '../team/freeze-cohorts';
import { visibleNameSchema } from '../text-fields';
import { selfAssignmentReasonFor, selfAssignmentReasonSchema } from './self-assignment';
import { loadOwnUnit } from './units';

const displayName = visibleNameSchema('a display name');
const workerStatus = z.enum(['active', 'on_leave', 'left'], { message: 'expected active, on_leave or left' });
const workingFraction = z
  .number()
  .gt(0, { message: 'expected a working fraction above 0 and at most 1' })
  .max(1, { message: 'expected a working fraction above 0 and at most 1' });

export interface WorkerRecord {
  id: string;
  displayName: string;
  startedOn: string;
  status: string;
  workingFraction: number;
  unit: { id: string; name: string; setting: string };
  /** Who made each assignment, and the reason an admin gave for assigning themselves (null otherwise). */
  supervisors: {
    userId: string;
    name: string;
    assignedBy: string | null;
    selfAssignmentReason: string | null;
  }[];
}

async function loadOwnWorker(db: DbOrTrx, actor: Actor, workerId: string) {
  const row = await db
    .selectFrom('peer_worker')
    .selectAll()
    .where('id', '=', workerId)
    .where('organization_id', '=', actor.organizationId)
    .executeTakeFirst();
  if (!row) throw notFound('Peer worker');
  return row;
}

/** Every PSW record of the organisation with their unit and supervisors (no supervision data). */
export async function listWorkers(db: Db, actor: Actor): Promise<WorkerRecord[]> {
  requireRole(actor, 'admin');
  const [workers, assignments] = await Promise.all([
    db
      .selectFrom('peer_worker as w')
      .innerJoin('unit as u', 'u.id', 'w.unit_id')
      .select([
        'w.id',
        'w.display_name',
        'w.started_on',
        'w.status',
        'w.working_fraction',
        'u.id as unit_id',
        'u.name as unit_name',
        'u.setting as unit_setting',
      ])
      .where('w.organization_id', '=', actor.organizationId)
      .orderBy('w.display_name')
      .orderBy('w.id')
      .execute(),
    db
      .selectFrom('supervisor_assignment as a')
      .innerJoin('user as s', 's.id', 'a.supervisor_user_id')
      .select([
        'a.peer_worker_id',
        'a.supervisor_user_id',
        's.name',
        'a.assigned_by',
        'a.self_assignment_reason',
      ])
      .where('a.organization_id', '=', actor.organizationId)
      .orderBy('s.name')
      .execute(),
  ]);
  const byWorker = new Map<string, WorkerRecord['supervisors']>();
  for (const a of assignments) {
    const list = byWorker.get(a.peer_worker_id) ?? [];
    list.push({
      userId: a.supervisor_user_id,
      name: a.name,
      assignedBy: a.assigned_by,
      selfAssignmentReason: a.self_assignment_reason,
    });
    byWorker.set(a.peer_worker_id, list);
  }
  return workers.map((w) => ({
    id: w.id,
    displayName: w.display_name,
    startedOn: w.started_on,
    status: w.status,
    workingFraction: Number(w.working_fraction),
    unit: { id: w.unit_id, name: w.unit_name, setting: w.unit_setting },
    supervisors: byWorker.get(w.id) ?? [],
  }));
}

export const createWorkerInput = z.object({
  requestId: requestIdSchema.optional(),
  displayName,
  unitId: idSchema,
  startedOn: isoDateSchema,
  workingFraction: workingFraction.optional(),
});

export async function createWorker(
  db: Db,
  actor: Actor,
  input: z.input<typeof createWorkerInput>,
): Promise<{ workerId: string }> {
  requireRole(actor, 'admin');
  const { requestId, ...parsed } = parseServiceInput(createWorkerInput, input);
  if (parsed.startedOn > todayIso())
    throw invalidField('startedOn', 'a start date that is not in the future');
  return db.transaction().execute(async (trx) => {
    await freezeCohorts(trx, actor.organizationId, todayIso()); // before the change (ADR 0013)
    await loadOwnUnit(trx, actor, parsed.unitId);
    return idempotentCreate(
      trx,
      actor,
      { operation: 'worker.create', requestId, content: parsed },
      async () => {
        const workerId = newId();
        await trx
          .insertInto('peer_worker')
          .values({
            id: workerId,
            organization_id: actor.organizationId,
            unit_id: parsed.unitId,
            display_name: parsed.displayName,
            started_on: parsed.startedOn,
            working_fraction: parsed.workingFraction ?? 1,
            created_at: nowIso(),
          })
          .execute();
        await recordAudit(trx, actor, {
          action: 'worker.create',
          entityType: 'peer_worker',
          entityId: workerId,
          details: { unitId: parsed.unitId, startedOn: parsed.startedOn },
        });
        await refreshStoredAssessments(trx, actor.organizationId, { workerIds: [workerId] });
        return { workerId };
      },
    );
  });
}

export const updateWorkerInput = z.object({
  workerId: idSchema,
  displayName: displayName.optional(),
  unitId: idSchema.optional(),
  startedOn: isoDateSchema.optional(),
  status: workerStatus.optional(),
  workingFraction: workingFraction.optional(),
});

export async function updateWorker(
  db: Db,
  actor: Actor,
  input: z.input<typeof updateWorkerInput>,
): Promise<{ workerId: string }> {
  requireRole(actor, 'admin');
  const { workerId, ...changes } = parseServiceInput(updateWorkerInput, input);
  if (changes.startedOn !== undefined && changes.startedOn > todayIso()) {
    throw invalidField('startedOn', 'a start date that is not in the future');
  }
  return db.transaction().execute(async (trx) => {
    await freezeCohorts(trx, actor.organizationId, todayIso()); // before the change (ADR 0013)
    await loadOwnWorker(trx, actor, workerId);
    if (changes.unitId !== undefined) await loadOwnUnit(trx, actor, changes.unitId);
    const set: Record<string, string | number> = {};
    if (changes.displayName !== undefined) set.display_name = changes.displayName;
    if (changes.unitId !== undefined) set.unit_id = changes.unitId;
    if (changes.startedOn !== undefined) set.started_on = changes.startedOn;
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.workingFraction !== undefined) set.working_fraction = changes.workingFraction;
    if (Object.keys(set).length > 0)
      await trx.updateTable('peer_worker').set(set).where('id', '=', workerId).execute();
    await recordAudit(trx, actor, {
      action: 'worker.update',
      entityType: 'peer_worker',
      entityId: workerId,
      details: { changed: Object.keys(set) },
    });
    // Start date, unit and status are inputs of the stored assessment (ADR 0026).
    if (set.unit_id !== undefined || set.started_on !== undefined || set.status !== undefined)
      await refreshStoredAssessments(trx, actor.organizationId, { workerIds: [workerId] });
    return { workerId };
  });
}

export const assignmentInput = z.object({ workerId: idSchema, supervisorUserId: idSchema });
/** Assigning is a create: it takes the client's request id. */
export const assignSupervisorInput = assignmentInput.extend({
  requestId: requestIdSchema.optional(),
  /** Required when an admin assigns themselves (issue 8.5): stored and shown to the other admins. */
  selfAssignmentReason: selfAssignmentReasonSchema,
});

/** Makes a supervisor of the organisation responsible for a PSW. */
export async function assignSupervisor(
  db: Db,
  actor: Actor,
  input: z.input<typeof assignSupervisorInput>,
): Promise<{ assigned: true }> {
  requireRole(actor, 'admin');
  const { requestId, ...parsed } = parseServiceInput(assignSupervisorInput, input);
  const selfReason = selfAssignmentReasonFor(actor, parsed.supervisorUserId, parsed.selfAssignmentReason);
  return db.transaction().execute(async (trx) => {
    await freezeCohorts(trx, actor.organizationId, todayIso()); // before the change (ADR 0013)
    await loadOwnWorker(trx, actor, parsed.workerId);
    return idempotentCreate(
      trx,
      actor,
      { operation: 'assignment.create', requestId, content: parsed },
      async () => {
        const supervisor = await trx
          .selectFrom('membership')
          .select('user_id')
          .where('organization_id', '=', actor.organizationId)
          .where('user_id', '=', parsed.supervisorUserId)
          .where('role', '=', 'supervisor')
          .executeTakeFirst();
        // An invited supervisor is assigned like a new account that has not signed in yet, so the
        // answer never tells the admin which of the two they created (ADR 0011).
        if (!supervisor && !(await invitedAsSupervisor(trx, actor.organizationId, parsed.supervisorUserId)))
          throw invalidField('supervisorUserId', 'a user with the supervisor role in your organisation');
        const existing = await trx
          .selectFrom('supervisor_assignment')
          .select('peer_worker_id')
          .where('peer_worker_id', '=', parsed.workerId)
          .where('supervisor_user_id', '=', parsed.supervisorUserId)
          .executeTakeFirst();
        if (existing) throw conflict('This supervisor already supervises this PSW');
        await trx
          .insertInto('supervisor_assignment')
          .values({
            organization_id: actor.organizationId,
            supervisor_user_id: parsed.supervisorUserId,
            peer_worker_id: parsed.workerId,
            since: todayIso(),
            assigned_by: actor.userId,
            self_assignment_reason: selfReason,
          })
          .execute();
        await recordAudit(trx, actor, {
          action: 'assignment.create',
          entityType: 'peer_worker',
          entityId: parsed.workerId,
          details: { supervisorUserId: parsed.supervisorUserId },
        });
        if (selfReason !== null)
          await recordAudit(trx, actor, {
            action: 'assignment.self_assigned',
            entityType: 'peer_worker',
            entityId: parsed.workerId,
            details: { supervisorUserId: parsed.supervisorUserId, reason: selfReason },
          });
        return { assigned: true as const };
      },
    );
  });
}

export async function unassignSupervisor(
  db: Db,
  actor: Actor,
  input: z.input<typeof assignmentInput>,
): Promise<{ unassigned: true }> {
  requireRole(actor, 'admin');
  const parsed = parseServiceInput(assignmentInput, input);
  return db.transaction().execute(async (trx) => {
    await freezeCohorts(trx, actor.organizationId, todayIso()); // before the change (ADR 0013)
    await loadOwnWorker(trx, actor, parsed.workerId);
    const result = await trx
      .deleteFrom('supervisor_assignment')
      .where('organization_id', '=', actor.organizationId)
      .where('peer_worker_id', '=', parsed.workerId)
      .where('supervisor_user_id', '=', parsed.supervisorUserId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('Assignment');
    await recordAudit(trx, actor, {
      action: 'assignment.delete',
      entityType: 'peer_worker',
      entityId: parsed.workerId,
      details: { supervisorUserId: parsed.supervisorUserId },
    });
    return { unassigned: true };
  });
}

/** Whether `userId` holds a pending invitation into the organisation with the supervisor role. */
async function invitedAsSupervisor(trx: DbOrTrx, organizationId: string, userId: string): Promise<boolean> {
  const invitation = await trx
    .selectFrom('membership_invitation')
    .select('roles')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return invitation !== undefined && (JSON.parse(invitation.roles) as string[]).includes('supervisor');
}
