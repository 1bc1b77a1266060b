/**
 * Scoring of the Copenhagen Burnout Inventory's personal and work-related scales (Kristensen et al.
 * 2005, Work & Stress 19(3):192-207, doi:10.1080/02678370500297720). The organisation supplies the item
 * texts (PeerBridge ships none); this is only the published scoring:
 * - each answer is one of five responses scored 100 / 75 / 50 / 25 / 0 (always or to a very high
 *   degree ... never/almost never or to a very low degree);
 * - the work-related scale's 7th item (energy for family and friends in leisure time) is reversed:
 *   its score is 100 minus the response's;
 * - a scale's score is the mean of its answered items;
 * - missing items, the published rule: fewer than 3 answered personal items, or fewer than 4 answered
 *   work-related items, leaves that scale without a score (null, "non-responder"), never a zero.
 * The result is for the PSW alone: no label, no cut-off is attached here.
 */
import { z } from 'zod';

/** The five responses, from most to least (frequency wording / intensity wording). */
export const burnoutResponses = ['always', 'often', 'sometimes', 'seldom', 'never'] as const;
/** One response to one item. */
export type BurnoutResponse = (typeof burnoutResponses)[number];

/** The scales PeerBridge scores, with their item counts, fewest answers for a score, and reversed items. */
export const burnoutScales = {
  personal: { items: 6, minAnswered: 3, reversed: [] as readonly number[] },
  work: { items: 7, minAnswered: 4, reversed: [7] as readonly number[] },
} as const;
/** A scored scale. */
export type BurnoutScale = keyof typeof burnoutScales;

const points: Record<BurnoutResponse, number> = {
  always: 100,
  often: 75,
  sometimes: 50,
  seldom: 25,
  never: 0,
};

const responses = (scale: BurnoutScale) =>
  z
    .array(z.enum(burnoutResponses, { message: `expected one of ${burnoutResponses.join(', ')}` }).nullable())
    .length(burnoutScales[scale].items, {
      message: `expected ${burnoutScales[scale].items} answers (null for a skipped item)`,
    });

/** Answers per scale, item by item in the published order (item 1 first); null is a skipped item. */
export const burnoutAnswersSchema = z.object({ personal: responses('personal'), work: responses('work') });
/** Answers of one sitting. */
export type BurnoutAnswers = z.infer<typeof burnoutAnswersSchema>;

/** The score of one item (1-based), reversed where the published scoring says so. */
export function burnoutItemScore(scale: BurnoutScale, item: number, response: BurnoutResponse): number {
  const p = points[response];
  return burnoutScales[scale].reversed.includes(item) ? 100 - p : p;
}

/** One scale's score (0..100) from its answers, or null with too few answered. */
export function scoreBurnoutScale(
  scale: BurnoutScale,
  answers: ReadonlyArray<BurnoutResponse | null>,
): number | null {
  let sum = 0;
  let answered = 0;
  answers.forEach((r, i) => {
    if (r === null) return;
    sum += burnoutItemScore(scale, i + 1, r);
    answered += 1;
  });
  return answered < burnoutScales[scale].minAnswered ? null : sum / answered;
}

/** Both scales' scores. */
export function scoreBurnout(answers: BurnoutAnswers): Record<BurnoutScale, number | null> {
  const parsed = burnoutAnswersSchema.parse(answers);
  return {
    personal: scoreBurnoutScale('personal', parsed.personal),
    work: scoreBurnoutScale('work', parsed.work),
  };
}
