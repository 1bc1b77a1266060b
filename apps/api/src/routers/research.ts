/** The researcher's study view: own studies only, pseudonymised, never supervision data. */
import {
  listStudies,
  listStudiesInput,
  studyAgreement,
  studyCohort,
  studyCohortInput,
  studyCoOccurrence,
  studyRefInput,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { researcherProcedure } from '../trpc/init';

export const researchRouter = {
  studies: researcherProcedure
    .input(listStudiesInput)
    .query(({ ctx, input }) => listStudies(ctx.db, ctx.actor, input)),
  cohort: researcherProcedure
    .input(studyCohortInput)
    .query(({ ctx, input }) => studyCohort(ctx.db, ctx.actor, input, ctx.analysis)),
  coOccurrence: researcherProcedure
    .input(studyRefInput)
    .query(({ ctx, input }) => studyCoOccurrence(ctx.db, ctx.actor, input, ctx.analysis)),
  agreement: researcherProcedure
    .input(studyRefInput)
    .query(({ ctx, input }) => studyAgreement(ctx.db, ctx.actor, input, ctx.analysis)),
} satisfies TRPCRouterRecord;
