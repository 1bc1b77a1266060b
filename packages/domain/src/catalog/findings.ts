/** The findings an assessment reports besides role and conflict scores (domain.md section 3). */
import type { LocalizedText } from './localized-text';

/** Every finding id. */
export const findingIds = [
  'insufficient_evidence',
  'over_formalization',
  'role_ambiguity',
  'supervision_gap',
  'wellbeing_strain',
] as const;
/** A finding id; a typo is a compile error. */
export type FindingId = (typeof findingIds)[number];

/** A finding as the catalog describes it. */
export interface Finding {
  readonly id: FindingId;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
}

/** The findings, keyed by id. */
export const findings: { readonly [K in FindingId]: Finding & { readonly id: K } } = {
  insufficient_evidence: {
    id: 'insufficient_evidence',
    label: { en: 'Not enough evidence', cs: 'Nedostatek podkladů' },
    description: {
      en: 'Too few recent observations to say anything with confidence; record more before drawing conclusions.',
      cs: 'Nedávných pozorování je příliš málo na spolehlivý závěr; před dalšími úvahami je potřeba zaznamenat víc.',
    },
  },
  over_formalization: {
    id: 'over_formalization',
    label: { en: 'Over-formalised role', cs: 'Přílišná formalizace role' },
    description: {
      en: 'The PSW acts strongly as a professional but hardly as a peer: the equal relationship that makes peer work distinct is fading.',
      cs: 'Pracovník vystupuje výrazně jako profesionál, ale téměř ne jako peer: mizí rovnocenný vztah, který je na peer práci jedinečný.',
    },
  },
  role_ambiguity: {
    id: 'role_ambiguity',
    label: { en: 'Unclear role', cs: 'Nejasná role' },
    description: {
      en: 'The PSW does not know what is expected of them, or the unit has no written description of the peer position.',
      cs: 'Pracovník neví, co se od něj očekává, nebo pracoviště nemá písemně popsanou pozici peer pracovníka.',
    },
  },
  supervision_gap: {
    id: 'supervision_gap',
    label: { en: 'Supervision gap', cs: 'Výpadek supervize' },
    description: {
      en: 'No supervision session for longer than the agreed rhythm allows, or the unit offers no supervision at all.',
      cs: 'Supervize neproběhla déle, než dovoluje dohodnutý rytmus, nebo ji pracoviště vůbec nenabízí.',
    },
  },
  wellbeing_strain: {
    id: 'wellbeing_strain',
    label: { en: 'Strain on wellbeing', cs: 'Zátěž na duševní pohodu' },
    description: {
      en: 'Signs of exhaustion, stress, self-stigma or work reaching into private life; reported with a level.',
      cs: 'Známky vyčerpání, stresu, sebestigmatizace nebo toho, že práce zasahuje do soukromí; uváděno se stupněm.',
    },
  },
};
