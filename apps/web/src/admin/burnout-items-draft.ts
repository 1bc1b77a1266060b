/**
 * The admin's pasted burnout item texts (ADR 0041): one text per line per scale, blank lines ignored,
 * each scale in exactly the count the scoring expects.
 */
import { type BurnoutScale, burnoutScales } from '@peerbridge/domain';

export type BurnoutTexts = Record<BurnoutScale, string>;
export type BurnoutItemLists = Record<BurnoutScale, string[]>;

/** The item texts of one pasted block: one per non-blank line, trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The pasted texts of stored items, one per line. */
export function textsOf(items: BurnoutItemLists | null): BurnoutTexts {
  return { personal: items?.personal.join('\n') ?? '', work: items?.work.join('\n') ?? '' };
}

/** Per scale: how many items were pasted and how many the scoring expects. */
export function countsOf(texts: BurnoutTexts): Record<BurnoutScale, { n: number; count: number }> {
  return {
    personal: { n: linesOf(texts.personal).length, count: burnoutScales.personal.items },
    work: { n: linesOf(texts.work).length, count: burnoutScales.work.items },
  };
}

/** The items to save, or null when a scale has the wrong count. */
export function itemsOf(texts: BurnoutTexts): BurnoutItemLists | null {
  const counts = countsOf(texts);
  if (counts.personal.n !== counts.personal.count || counts.work.n !== counts.work.count) return null;
  return { personal: linesOf(texts.personal), work: linesOf(texts.work) };
}
