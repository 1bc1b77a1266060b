/** Team and organisation views: merge many PSWs' cards by id into counted cards, suppressing private small cells. */
import { z } from 'zod';
import { cardTexts } from '../catalog/card-texts';
import { conflictIds } from '../catalog/conflicts';
import { findingIds } from '../catalog/findings';
import type { LocalizedText } from '../catalog/localized-text';
import { parseInput } from '../errors';
import {
  type Card,
  type CardAudience,
  type CardId,
  type CardIndicator,
  cardAudiences,
  cardIds,
  cardIndicators,
} from './card';
import { compareCards } from './recommend';

/** Conclusions that must not be named in a team or organisation view, because they rest on private answers. */
const privateConclusions: ReadonlySet<string> = new Set(['strain', 'wellbeing_strain']);

const cardShape = z.object({
  id: z.enum(cardIds, { message: 'expected a known card id' }),
  indicator: z.enum(cardIndicators),
  audience: z.enum(cardAudiences),
  sensitive: z.boolean(),
  because: z.array(z.enum([...conflictIds, ...findingIds, 'strain'])),
});

const optionsShape = z.object({
  total: z.number().int().nonnegative().optional(),
  groupLabel: z.string().min(1).optional(),
  minCellSize: z
    .number()
    .int()
    .min(3, { message: 'expected k from 3 to 10' })
    .max(10, { message: 'expected k from 3 to 10' })
    .optional(),
  audiences: z.array(z.enum(cardAudiences)).optional(),
  suppress: z.enum(['private', 'all'], { message: "expected 'private' or 'all'" }).optional(),
});

/** Zod schema of mergeCards' two arguments, checked together as `{ results, options }`. */
export const mergeCardsInputSchema = z
  .object({
    results: z.array(z.object({ cards: z.array(cardShape) })),
    options: optionsShape,
  })
  .superRefine((input, ctx) => {
    if (input.options.total !== undefined && input.options.total < input.results.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['options', 'total'],
        message: 'expected a total of at least the number of results',
      });
    }
  });

/** One PSW's result as mergeCards reads it: an Assessment, or anything with its `cards`. */
export interface CardsOfOnePsw {
  readonly cards: ReadonlyArray<Pick<Card, 'id' | 'indicator' | 'audience' | 'sensitive' | 'because'>>;
}

/** How to build a team or organisation view. */
export interface MergeCardsOptions {
  /** PSWs in the group; defaults to the number of results (more when some were not assessed). */
  total?: number;
  /** Shown in the summary, e.g. "Ward B". */
  groupLabel?: string;
  /** Smallest count shown for a card resting on private answers (default 5, allowed 3..10). */
  minCellSize?: number;
  /** Which card audiences the view shows; default all but `peer_worker` (those are personal). */
  audiences?: readonly CardAudience[];
  /**
   * Which counts under the small-cell limit are hidden: only those resting on private answers
   * (`'private'`, the default, for a viewer who may see the PSWs' records), or every one (`'all'`, for
   * a viewer who may not, such as an organisation-wide view).
   */
  suppress?: 'private' | 'all';
}

/** One card of a team or organisation view. */
export interface MergedCard {
  readonly id: CardId;
  /** The most urgent indicator among the merged cards. */
  readonly indicator: CardIndicator;
  readonly audience: CardAudience;
  /** PSWs the card fired for; null when suppressed. */
  readonly count: number | null;
  readonly total: number;
  /** True when the count is hidden because it is under the small-cell limit (see `MergeCardsOptions.suppress`). */
  readonly suppressed: boolean;
  /** E.g. "3 of 5 PSWs on Ward B: lack a workplace, meeting invitations or client information". */
  readonly summary: LocalizedText;
  readonly detail: LocalizedText;
  /** Findings and conflicts behind the cards, without the private ones. */
  readonly because: readonly string[];
  readonly source: { readonly label: string; readonly reference: string };
}

const urgency: Record<CardIndicator, number> = { critical: 0, warning: 1, info: 2 };

function summaryOf(
  id: CardId,
  count: number | null,
  total: number,
  k: number,
  group: string | undefined,
): LocalizedText {
  const phrase = cardTexts[id].groupPhrase;
  const enCount = count === null ? `Fewer than ${k} of ${total}` : `${count} of ${total}`;
  const csCount = count === null ? `méně než ${k} z ${total}` : `${count} z ${total}`;
  const en = `${enCount} PSWs${group === undefined ? '' : ` on ${group}`} ${phrase.en}`;
  const cs = `${group === undefined ? 'Peer pracovníci' : `${group} – peer pracovníci`}: ${csCount} ${phrase.cs}`;
  return { en, cs };
}

/**
 * Merge the cards of many PSWs by id for a team or organisation view ("3 of 5 PSWs on Ward B …").
 * Cards resting on private answers (strain, self-stigma) show a count only when it reaches the
 * small-cell limit, and private conclusions are never named.
 */
export function mergeCards(results: readonly CardsOfOnePsw[], options: MergeCardsOptions = {}): MergedCard[] {
  const valid = parseInput(mergeCardsInputSchema, { results, options }, 'mergeCards');
  const opts = valid.options;
  const k = opts.minCellSize ?? 5;
  const total = opts.total ?? valid.results.length;
  const audiences = new Set<CardAudience>(opts.audiences ?? cardAudiences.filter((a) => a !== 'peer_worker'));
  const groups = new Map<
    CardId,
    { count: number; indicator: CardIndicator; sensitive: boolean; because: Set<string> }
  >();
  for (const result of valid.results) {
    const seen = new Set<CardId>();
    for (const card of result.cards) {
      if (!audiences.has(card.audience) || seen.has(card.id)) continue;
      seen.add(card.id);
      const g = groups.get(card.id) ?? {
        count: 0,
        indicator: 'info',
        sensitive: false,
        because: new Set<string>(),
      };
      g.count += 1;
      if (urgency[card.indicator] < urgency[g.indicator]) g.indicator = card.indicator;
      g.sensitive ||= card.sensitive;
      for (const b of card.because) if (!privateConclusions.has(b)) g.because.add(b);
      groups.set(card.id, g);
    }
  }
  const merged: MergedCard[] = [];
  for (const [id, g] of groups) {
    const suppressed = g.count < k && (g.sensitive || opts.suppress === 'all');
    const count = suppressed ? null : g.count;
    const text = cardTexts[id];
    merged.push({
      id,
      // Urgency can come from private answers (e.g. strain raising supervision to critical); a suppressed cell shows none of it.
      indicator: suppressed ? 'warning' : g.indicator,
      audience: text.audience,
      count,
      total,
      suppressed,
      summary: summaryOf(id, count, total, k, opts.groupLabel),
      detail: text.detail,
      because: [...g.because].sort(),
      source: text.source,
    });
  }
  return merged.sort(compareCards);
}
