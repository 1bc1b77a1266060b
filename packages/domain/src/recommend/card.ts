/** The recommendation card (shaped after HL7 CDS Hooks cards) and its vocabulary (domain.md section 7). */
import type { ConflictId } from '../catalog/conflicts';
import type { FindingId } from '../catalog/findings';
import type { LocalizedText } from '../catalog/localized-text';

/** Every card id. */
export const cardIds = [
  'boundary_strategies',
  'define_psw_position',
  'destigmatization',
  'equal_working_conditions',
  'keep_going',
  'protect_peer_relationship',
  'psychotherapy_access',
  'regular_supervision',
  'role_clarity_conversation',
  'structured_check_in',
  'supervision_focus_boundaries',
  'supervision_focus_team_position',
  'team_education',
  'wellbeing_check',
] as const;
/** A card id; a typo is a compile error. */
export type CardId = (typeof cardIds)[number];

/** How urgent a card is, most urgent first. */
export const cardIndicators = ['critical', 'warning', 'info'] as const;
/** How urgent a card is (the CDS Hooks name for it is `indicator`). */
export type CardIndicator = (typeof cardIndicators)[number];

/** Who a card is addressed to, in the order cards are listed. */
export const cardAudiences = ['peer_worker', 'supervisor', 'team', 'organization'] as const;
/** Who a card is addressed to. */
export type CardAudience = (typeof cardAudiences)[number];

/** Where a card's advice comes from. */
export interface CardSource {
  readonly label: string;
  readonly reference: string;
}

/** A recommendation for one PSW. */
export interface Card {
  readonly id: CardId;
  readonly indicator: CardIndicator;
  readonly audience: CardAudience;
  /**
   * True when the card fired, or got its urgency, from private evidence (strain, self-stigma):
   * team and organisation views then show it only as a suppressed aggregate.
   */
  readonly sensitive: boolean;
  /** At most 140 characters. */
  readonly summary: LocalizedText;
  /** Markdown. */
  readonly detail: LocalizedText;
  /** The findings and conflicts (and `strain`) that made it fire, sorted. */
  readonly because: ReadonlyArray<ConflictId | FindingId | 'strain'>;
  readonly source: CardSource;
}
