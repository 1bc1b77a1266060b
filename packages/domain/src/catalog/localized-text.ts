/** A text in the two languages PeerBridge ships with: English and Czech. */

/** One text in English and Czech. */
export interface LocalizedText {
  readonly en: string;
  readonly cs: string;
}

/** The languages every catalog text is written in. */
export type Locale = keyof LocalizedText;
