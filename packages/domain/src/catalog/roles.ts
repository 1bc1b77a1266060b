/** The four roles a peer support worker enacts, on the client axis and the team axis (domain.md section 2). */
import type { LocalizedText } from './localized-text';

/** Every role id. */
export const roleIds = ['friend', 'professional', 'staff_member', 'expert_by_experience'] as const;
/** A role id; a typo is a compile error. */
export type RoleId = (typeof roleIds)[number];

/** Which relationship a role is about: with service users (client) or with colleagues (team). */
export type RoleAxis = 'client' | 'team';

/** A role as the catalog describes it. */
export interface Role {
  readonly id: RoleId;
  readonly axis: RoleAxis;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
}

/** The roles, keyed by id. */
export const roles: { readonly [K in RoleId]: Role & { readonly id: K } } = {
  friend: {
    id: 'friend',
    axis: 'client',
    label: { en: 'Friend', cs: 'Přítel' },
    description: {
      en: 'Relates to service users as an equal, on trust grounded in a shared experience of illness: genuine, attentive, non-judging, and a living example that recovery happens.',
      cs: 'Vztahuje se ke klientům jako rovný k rovnému, na základě důvěry opřené o společnou zkušenost s nemocí: je opravdový, pozorně naslouchá, nesoudí a je živým příkladem, že zotavení je možné.',
    },
  },
  professional: {
    id: 'professional',
    axis: 'client',
    label: { en: 'Professional', cs: 'Profesionál' },
    description: {
      en: 'Uses the counselling skills they have learned, works within the rules and position the organisation sets, and keeps clear boundaries with service users.',
      cs: 'Využívá naučené poradenské dovednosti, pracuje v rámci pravidel a pozice, které stanoví organizace, a drží s klienty jasné hranice.',
    },
  },
  staff_member: {
    id: 'staff_member',
    axis: 'team',
    label: { en: 'Staff member', cs: 'Člen týmu' },
    description: {
      en: 'Belongs to the multidisciplinary team on the same footing as colleagues: works with them, is listened to, kept informed and included.',
      cs: 'Patří do multidisciplinárního týmu na stejné úrovni jako kolegové: spolupracuje s nimi, je vyslyšen, informován a zapojen.',
    },
  },
  expert_by_experience: {
    id: 'expert_by_experience',
    axis: 'team',
    label: { en: 'Expert by experience', cs: 'Expert s vlastní zkušeností' },
    description: {
      en: 'Offers their own experience of illness and recovery to the team as a resource, and helps colleagues and service users understand each other.',
      cs: 'Nabízí týmu vlastní zkušenost s nemocí a zotavením jako zdroj a pomáhá kolegům a klientům vzájemně si porozumět.',
    },
  },
};
