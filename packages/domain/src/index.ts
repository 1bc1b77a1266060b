/** @peerbridge/domain: the public API of PeerBridge's pure domain model. */

export * from './analytics';
export { assess } from './assess/assess';
export {
  type AssessInput,
  assessInputSchema,
  type Setting,
  sessionSchema,
  settings,
  unitSchema,
  workerSchema,
} from './assess/assess-input';
export type {
  Assessment,
  ConflictScore,
  FactorName,
  FactorReason,
  FindingResult,
  IndicatorReason,
  Level,
  Reason,
  ReasonEffect,
  RoleScore,
  StrainScore,
  Trend,
} from './assess/assessment';
export * from './catalog';
export * from './check-in';
export { type IsoDate, isIsoDate, isoDateSchema, toDayNumber } from './dates/iso-date';
export { DomainValidationError, parseInput, type ValidationIssue } from './errors';
export {
  MAX_EVENTS_PER_MONTH,
  type Observation,
  type ObservationSource,
  type ObservationValue,
  observationSchema,
  observationSources,
} from './evidence/observation';
export * from './explain';
export * from './need';
export {
  type Card,
  type CardAudience,
  type CardId,
  type CardIndicator,
  type CardSource,
  cardAudiences,
  cardIds,
  cardIndicators,
} from './recommend/card';
export {
  type CardsOfOnePsw,
  type MergeCardsOptions,
  type MergedCard,
  mergeCards,
  mergeCardsInputSchema,
} from './recommend/merge-cards';
export {
  hiddenReason,
  type PublishedCard,
  type PublishedTone,
  publishedCard,
  publishedCardIds,
} from './recommend/published-card';
export * from './ruleset';
