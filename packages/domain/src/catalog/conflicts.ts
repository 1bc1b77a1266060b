/** The two inter-role conflicts the assessment measures (domain.md section 3). */
import type { LocalizedText } from './localized-text';
import type { RoleId } from './roles';

/** Every conflict id. */
export const conflictIds = ['friend_vs_professional', 'staff_member_vs_expert_by_experience'] as const;
/** A conflict id; a typo is a compile error. */
export type ConflictId = (typeof conflictIds)[number];

/** A conflict as the catalog describes it. */
export interface Conflict {
  readonly id: ConflictId;
  readonly between: readonly [RoleId, RoleId];
  readonly label: LocalizedText;
  readonly description: LocalizedText;
}

/** The conflicts, keyed by id. */
export const conflicts: { readonly [K in ConflictId]: Conflict & { readonly id: K } } = {
  friend_vs_professional: {
    id: 'friend_vs_professional',
    between: ['friend', 'professional'],
    label: { en: 'Friend versus professional', cs: 'Přítel versus profesionál' },
    description: {
      en: 'Closeness with service users pulls against professional boundaries: clients reach the PSW after hours or privately, expect friendship, and the work spills into family life. Typical early in a career and with exhaustion.',
      cs: 'Blízkost s klienty jde proti profesním hranicím: klienti kontaktují pracovníka po pracovní době nebo soukromě, očekávají přátelství a práce se přelévá do rodinného života. Typické na začátku kariéry a při vyčerpání.',
    },
  },
  staff_member_vs_expert_by_experience: {
    id: 'staff_member_vs_expert_by_experience',
    between: ['staff_member', 'expert_by_experience'],
    label: {
      en: 'Staff member versus expert by experience',
      cs: 'Člen týmu versus expert s vlastní zkušeností',
    },
    description: {
      en: 'The PSW is not treated as a full colleague: no workplace, left out of meetings and client information, seen as a former patient, or witnessing disrespect towards service users. More common in inpatient settings.',
      cs: 'Pracovník není brán jako plnohodnotný kolega: nemá své pracovní místo, není zván na porady ani informován o klientech, je vnímán jako bývalý pacient nebo je svědkem neúcty ke klientům. Častější na lůžkových odděleních.',
    },
  },
};
