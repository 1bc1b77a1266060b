/**
 * The two ends of a 1–5 question (issue 11 item 7, ADR 0038), as its catalog question names them:
 * "1 never, 5 very often" from "… (1 never, 5 very often)". Every place that shows a 1–5 scale (the
 * supervisor's form, the PSW's check-in) takes its ends from here, so one question has one set of ends
 * in each language and no page adds a general scale of its own.
 */
import type { IndicatorId } from './indicator-ids';
import { indicators } from './indicators';
import type { LocalizedText } from './localized-text';

const ends = /\((1 [^,()]+, 5 [^()]+)\)$/;

/** The ends of `indicator`'s scale in both languages, or null for a yes/no or count question. */
export function scaleEnds(indicator: IndicatorId): LocalizedText | null {
  const { question } = indicators[indicator];
  const en = ends.exec(question.en)?.[1];
  const cs = ends.exec(question.cs)?.[1];
  return en && cs ? { en, cs } : null;
}
