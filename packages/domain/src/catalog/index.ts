/** The catalog as one object (roles, conflicts, findings, indicators, cards) plus typed lookups. */
import type { CardId } from '../recommend/card';
import { type CardText, cardTexts } from './card-texts';
import { type Conflict, type ConflictId, conflicts } from './conflicts';
import { type Finding, type FindingId, findings } from './findings';
import type { IndicatorId } from './indicator-ids';
import { type Indicator, indicators } from './indicators';
import { type Role, type RoleId, roles } from './roles';

/** A recommendation card's catalog entry: its id plus its words, audience and source. */
export type CardDefinition = CardText & { readonly id: CardId };

const cards = Object.fromEntries(Object.entries(cardTexts).map(([id, text]) => [id, { id, ...text }])) as {
  readonly [K in CardId]: CardDefinition & { readonly id: K };
};

/** Everything the domain knows, as one typed constant. */
export const catalog = { roles, conflicts, findings, indicators, cards } as const;

/** The catalog entry of an indicator. */
export const getIndicator = (id: IndicatorId): Indicator => indicators[id];
/** The catalog entry of a role. */
export const getRole = (id: RoleId): Role => roles[id];
/** The catalog entry of a conflict. */
export const getConflict = (id: ConflictId): Conflict => conflicts[id];
/** The catalog entry of a finding. */
export const getFinding = (id: FindingId): Finding => findings[id];
/** The catalog entry of a recommendation card. */
export const getCard = (id: CardId): CardDefinition => cards[id];

export type { CardText } from './card-texts';
export {
  type CheckInIndicatorId,
  checkInIndicatorIds,
  checkInTexts,
  checkInUnitConditions,
  getCheckInText,
  isCheckInIndicatorId,
} from './check-in-texts';
export { type Conflict, type ConflictId, conflictIds } from './conflicts';
export { type Finding, type FindingId, findingIds } from './findings';
export { audienceOf, type IndicatorAudience, privateIndicators } from './indicator-audience';
export {
  type IndicatorId,
  type IndicatorKind,
  type IndicatorLevel,
  indicatorIds,
  isIndicatorId,
} from './indicator-ids';
export type { IndicatorText } from './indicator-texts';
export type { Indicator } from './indicators';
export type { Locale, LocalizedText } from './localized-text';
export { type Role, type RoleAxis, type RoleId, roleIds } from './roles';
export { scaleEnds } from './scale-ends';
export { citedWorks, type Reference, seedPaper } from './sources';
