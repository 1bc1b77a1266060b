/** The admin's area: organisation settings, units (and unit-level observations), PSW records, users, roles, assignments, audit log. */
import {
  assignmentInput,
  assignSupervisor,
  assignSupervisorInput,
  createUnit,
  createUnitInput,
  createUser,
  createUserInput,
  createWorker,
  createWorkerInput,
  getBurnoutItems,
  getWellbeingContacts,
  invitePeerWorker,
  invitePeerWorkerInput,
  listAuditLog,
  listAuditLogInput,
  listRecordReads,
  listRecordReadsInput,
  listUnitObservations,
  listUnitObservationsInput,
  listUnits,
  listUsers,
  listUsersInput,
  listWorkers,
  recordUnitObservations,
  recordUnitObservationsInput,
  requestIdInput,
  setBurnoutItems,
  setBurnoutItemsInput,
  setUserRoles,
  setUserRolesInput,
  setWellbeingContacts,
  setWellbeingContactsInput,
  unassignSupervisor,
  unitIndicatorValues,
  unitIndicatorValuesInput,
  updateOrganization,
  updateOrganizationInput,
  updateUnit,
  updateUnitInput,
  updateWorker,
  updateWorkerInput,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { adminProcedure } from '../trpc/init';

export const adminRouter = {
  updateOrganization: adminProcedure
    .input(updateOrganizationInput)
    .mutation(({ ctx, input }) => updateOrganization(ctx.db, ctx.actor, input)),
  /** The contacts a check-in shows a PSW whose own answers show high strain (ADR 0039). */
  wellbeingContacts: adminProcedure.query(({ ctx }) => getWellbeingContacts(ctx.db, ctx.actor)),
  setWellbeingContacts: adminProcedure
    .input(setWellbeingContactsInput)
    .mutation(({ ctx, input }) => setWellbeingContacts(ctx.db, ctx.actor, input)),
  /** The burnout instrument's item texts the organisation licensed, or null while it is off (ADR 0041). */
  burnoutItems: adminProcedure.query(({ ctx }) => getBurnoutItems(ctx.db, ctx.actor)),
  /** Enables the instrument with the organisation's texts, replaces them, or (items: null) turns it off. */
  setBurnoutItems: adminProcedure
    .input(setBurnoutItemsInput)
    .mutation(({ ctx, input }) => setBurnoutItems(ctx.db, ctx.actor, input)),
  units: adminProcedure.query(({ ctx }) => listUnits(ctx.db, ctx.actor)),
  /** Creates take a client-generated `requestId`: a retry with it returns the first answer and writes nothing. */
  createUnit: adminProcedure
    .input(requestIdInput)
    .input(createUnitInput)
    .mutation(({ ctx, input }) => createUnit(ctx.db, ctx.actor, input)),
  updateUnit: adminProcedure
    .input(updateUnitInput)
    .mutation(({ ctx, input }) => updateUnit(ctx.db, ctx.actor, input)),
  unitObservations: adminProcedure
    .input(listUnitObservationsInput)
    .query(({ ctx, input }) => listUnitObservations(ctx.db, ctx.actor, input)),
  /** What each of the unit's indicators stands at: its latest observation. */
  unitIndicatorValues: adminProcedure
    .input(unitIndicatorValuesInput)
    .query(({ ctx, input }) => unitIndicatorValues(ctx.db, ctx.actor, input)),
  recordUnitObservations: adminProcedure
    .input(requestIdInput)
    .input(recordUnitObservationsInput)
    .mutation(({ ctx, input }) => recordUnitObservations(ctx.db, ctx.actor, input)),
  workers: adminProcedure.query(({ ctx }) => listWorkers(ctx.db, ctx.actor)),
  createWorker: adminProcedure
    .input(requestIdInput)
    .input(createWorkerInput)
    .mutation(({ ctx, input }) => createWorker(ctx.db, ctx.actor, input)),
  updateWorker: adminProcedure
    .input(updateWorkerInput)
    .mutation(({ ctx, input }) => updateWorker(ctx.db, ctx.actor, input)),
  assignSupervisor: adminProcedure
    .input(requestIdInput)
    .input(assignSupervisorInput)
    .mutation(({ ctx, input }) => assignSupervisor(ctx.db, ctx.actor, input)),
  unassignSupervisor: adminProcedure
    .input(assignmentInput)
    .mutation(({ ctx, input }) => unassignSupervisor(ctx.db, ctx.actor, input)),
  users: adminProcedure.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, ctx.actor, input)),
  createUser: adminProcedure
    .input(requestIdInput)
    .input(createUserInput)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.actor, input)),
  /** A PSW's own account (ADR 0031): answers the one-time code once; the PSW sets their password with it. */
  invitePeerWorker: adminProcedure
    .input(invitePeerWorkerInput)
    .mutation(({ ctx, input }) => invitePeerWorker(ctx.db, ctx.actor, input)),
  setUserRoles: adminProcedure
    .input(setUserRolesInput)
    .mutation(({ ctx, input }) => setUserRoles(ctx.db, ctx.actor, input)),
  /** The audit screen: filtered, paged, with names and label keys (issue 9). */
  auditLog: adminProcedure
    .input(listAuditLogInput)
    .query(({ ctx, input }) => listAuditLog(ctx.db, ctx.actor, input)),
  /** Who has seen one PSW's record. */
  recordReads: adminProcedure
    .input(listRecordReadsInput)
    .query(({ ctx, input }) => listRecordReads(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
