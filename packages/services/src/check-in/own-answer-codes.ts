/** How `own_check_in_answer` spells a burnout answer: question `burnout.<scale>.<item>`, value 0 (never) .. 4 (always). */
import { type BurnoutResponse, type BurnoutScale, burnoutResponses } from '@peerbridge/domain';

const PREFIX = 'burnout.';

/** The stored question of one burnout item (1-based). */
export const burnoutQuestion = (scale: BurnoutScale, item: number): string => `${PREFIX}${scale}.${item}`;

/** The stored value of a response: never 0 .. always 4. */
export const burnoutResponseValue = (r: BurnoutResponse): number => 4 - burnoutResponses.indexOf(r);

/** The response of a stored value, or null for a value this version does not write. */
export function burnoutResponseOf(value: number): BurnoutResponse | null {
  return burnoutResponses[4 - value] ?? null;
}

/** The scale and item of a stored burnout question, or null for an indicator answer. */
export function parseBurnoutQuestion(question: string): { scale: BurnoutScale; item: number } | null {
  if (!question.startsWith(PREFIX)) return null;
  const [scale, item] = question.slice(PREFIX.length).split('.');
  if ((scale !== 'personal' && scale !== 'work') || item === undefined) return null;
  const n = Number(item);
  return Number.isInteger(n) && n >= 1 ? { scale, item: n } : null;
}
