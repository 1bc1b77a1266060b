/** The researcher's study view: own studies only, pseudonymised, never supervision data. */
import {
  listStudies,
  studyAgreement,
  studyCohort,
  studyCohortInput,
  studyCoOccurrence,
  studyRefInput,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { researcherProcedure } from '../trpc/init';

export const researchRouter = {
  studies: researcherProcedure.query(({ ctx }) => listStudies(ctx.db, ctx.actor)),
  cohort: researcherProcedure
    .input(studyCohortInput)
    .query(({ ctx, input }) => studyCohort(ctx.db, ctx.actor, input)),
  coOccurrence: researcherProcedure
    .input(studyRefInput)
    .query(({ ctx, input }) => studyCoOccurrence(ctx.db, ctx.actor, input)),
  agreement: researcherProcedure
    .input(studyRefInput)
    .query(({ ctx, input }) => studyAgreement(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
