/** The peer worker's check-in: answers, what shared ones become, burnout scoring, the support rule. */
export {
  type BurnoutAnswers,
  type BurnoutResponse,
  type BurnoutScale,
  burnoutAnswersSchema,
  burnoutItemScore,
  burnoutResponses,
  burnoutScales,
  scoreBurnout,
  scoreBurnoutScale,
} from './burnout-scoring';
export {
  type CheckInAnswer,
  checkInAnswersSchema,
  defaultShareChoice,
  sharedAnswersAsObservations,
} from './check-in-answer';
export { BURNOUT_SUPPORT_FROM, showsHighStrain } from './high-strain';
