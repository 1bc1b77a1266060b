/** Assessments in plain words: the types of `assess`'s `explanation` and its date wording. */

export { dateWords } from './date-words';
export type {
  ConflictExplanation,
  ConflictWords,
  ExplainedFact,
  Explanation,
  ModelLine,
  NextQuestion,
  RoleExplanation,
} from './explanation';
export type { Audience } from './explanation-voice';
