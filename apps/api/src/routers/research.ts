/** The researcher's study view: own studies only, pseudonymised, never supervision data. */
import {
  commitUpload,
  discardUpload,
  listStudies,
  listStudiesInput,
  listStudyNotes,
  previewUpload,
  studyAgreement,
  studyAnalysisInput,
  studyCohort,
  studyCohortInput,
  studyCoOccurrence,
  studyNotesIndex,
  studyNotesIndexInput,
  studyNotesInput,
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
  /** The study's codes and documents with their note counts, its sets and project notes (names and counts). */
  notesIndex: researcherProcedure
    .input(studyNotesIndexInput)
    .query(({ ctx, input }) => studyNotesIndex(ctx.db, ctx.actor, input)),
  /** The memos about the project, a code or a document, paged; each page read is audited. */
  notes: researcherProcedure
    .input(studyNotesInput)
    .query(({ ctx, input }) => listStudyNotes(ctx.db, ctx.actor, input)),
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
