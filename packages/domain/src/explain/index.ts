/** Assessments in plain words: the types of `assess`'s `explanation` and its date wording. */

export { dateWords } from './date-words';
export type {
  ConflictExplanation,
  ExplainedFact,
  Explanation,
  ModelLine,
  NextQuestion,
  RoleExplanation,
} from './explanation';
