/** The researcher's study view: own studies only, pseudonymised, never supervision data. */
import {
  commitUpload,
  discardUpload,
  listStudies,
  listStudiesInput,
  previewUpload,
  studyAgreement,
  studyAnalysisInput,
  studyCohort,
  studyCohortInput,
  studyCoOccurrence,
  uploadImportInput,
  uploadRefInput,
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
    .input(studyAnalysisInput)
    .query(({ ctx, input }) => studyCoOccurrence(ctx.db, ctx.actor, input, ctx.analysis)),
  agreement: researcherProcedure
    .input(studyAnalysisInput)
    .query(({ ctx, input }) => studyAgreement(ctx.db, ctx.actor, input, ctx.analysis)),
  /** An uploaded file (POST /api/studies/uploads) previewed again, e.g. with the mapping editor's codes. */
  previewUpload: researcherProcedure
    .input(uploadImportInput)
    .mutation(({ ctx, input }) => previewUpload(ctx.db, ctx.actor, ctx.studyUploads, input)),
  /** The upload imported in one transaction; a mapping sent with it becomes the study's mapping. */
  commitUpload: researcherProcedure
    .input(uploadImportInput)
    .mutation(({ ctx, input }) => commitUpload(ctx.db, ctx.actor, ctx.studyUploads, input)),
  discardUpload: researcherProcedure
    .input(uploadRefInput)
    .mutation(({ ctx, input }) => discardUpload(ctx.actor, ctx.studyUploads, input)),
} satisfies TRPCRouterRecord;
