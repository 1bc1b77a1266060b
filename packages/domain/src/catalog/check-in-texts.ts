/**
 * The check-in's words (issue 12 item 2): one question per worker-level indicator and per unit
 * condition (desk, meetings, client information), addressed to the peer worker in the first person
 * and written in our own words. A likert question is answered between the two ends its catalog
 * question names (`scaleEnds`, the same on the supervisor's form), a bool question yes or no, an event
 * question with a count since the last check-in.
 */
import type { IndicatorId } from './indicator-ids';
import type { LocalizedText } from './localized-text';

/** The unit conditions a PSW answers for themselves; their supervisor may confirm them for the unit. */
export const checkInUnitConditions = [
  'has_own_workplace',
  'invited_to_team_meetings',
  'receives_client_information',
] as const satisfies readonly IndicatorId[];

/** The indicators the check-in asks about, in the order it asks them (easy ones first, strain last). */
export const checkInIndicatorIds = [
  'shares_lived_experience',
  'trusting_equal_relationships',
  'acts_as_role_model',
  'applies_professional_competencies',
  'works_within_org_rules',
  'cooperates_in_team',
  'input_valued_by_team',
  'supportive_colleagues',
  'uses_lived_experience_in_team',
  'bridges_staff_and_clients',
  'role_unclear',
  ...checkInUnitConditions,
  'condition_accommodated',
  'client_friendship_requests',
  'after_hours_client_contact',
  'meets_clients_outside_work',
  'private_number_shared',
  'informal_address_with_clients',
  'phone_off_after_hours',
  'keeps_working_hours',
  'protects_personal_time',
  'seen_as_former_patient',
  'witnesses_disrespect_to_service_users',
  'work_intrudes_personal_life',
  'self_stigma',
  'stress',
  'exhaustion',
] as const satisfies readonly IndicatorId[];

/** An indicator the check-in asks about. */
export type CheckInIndicatorId = (typeof checkInIndicatorIds)[number];

const t = (en: string, cs: string): LocalizedText => ({ en, cs });

/** The question the PSW reads for each check-in indicator. */
export const checkInTexts: { readonly [K in CheckInIndicatorId]: LocalizedText } = {
  shares_lived_experience: t(
    'I bring my own story of illness and recovery into my work with clients.',
    'Do práce s klienty vnáším svůj vlastní příběh nemoci a zotavení.',
  ),
  trusting_equal_relationships: t(
    'My relationships with clients feel trusting and equal.',
    'Moje vztahy s klienty jsou důvěrné a rovnocenné.',
  ),
  acts_as_role_model: t(
    'Lately a client has shown me that I give them hope.',
    'V poslední době mi některý klient dal najevo, že mu dávám naději.',
  ),
  applies_professional_competencies: t(
    'I use the skills I was trained in (listening, guiding, planning) in my work.',
    'V práci používám dovednosti, které jsem se naučil/a (naslouchání, provázení, plánování).',
  ),
  works_within_org_rules: t(
    'I know the rules of my workplace and work within them.',
    'Znám pravidla svého pracoviště a pracuji v jejich rámci.',
  ),
  cooperates_in_team: t('I work together with my colleagues on the team.', 'Spolupracuji s kolegy v týmu.'),
  input_valued_by_team: t('My colleagues take what I say seriously.', 'Kolegové berou vážně, co říkám.'),
  supportive_colleagues: t(
    'I have colleagues who back me up when I need it.',
    'Mám kolegy, kteří mě podrží, když to potřebuji.',
  ),
  uses_lived_experience_in_team: t(
    'I can use my own experience to help the team see things differently.',
    'Svou zkušenost mohu využít k tomu, aby tým viděl věci jinak.',
  ),
  bridges_staff_and_clients: t(
    'I help colleagues and clients understand each other.',
    'Pomáhám kolegům a klientům, aby si rozuměli.',
  ),
  role_unclear: t(
    'I am unsure what is expected of me in my job.',
    'Nejsem si jistý/á, co se ode mě v práci čeká.',
  ),
  has_own_workplace: t('I have a desk or place of my own at work.', 'V práci mám vlastní stůl nebo místo.'),
  invited_to_team_meetings: t('I am invited to the team meetings.', 'Jsem zván/a na týmové porady.'),
  receives_client_information: t(
    'I am told what I need to know about the clients I work with.',
    'Dozvídám se, co potřebuji vědět o klientech, se kterými pracuji.',
  ),
  condition_accommodated: t(
    'My workplace makes room for my health when I need it.',
    'Pracoviště bere ohled na mé zdraví, když to potřebuji.',
  ),
  client_friendship_requests: t(
    'How many times since the last check-in has a client asked to be friends?',
    'Kolikrát od minulého ohlédnutí vás klient požádal o přátelství?',
  ),
  after_hours_client_contact: t(
    'How many times since the last check-in has a client contacted you outside working hours?',
    'Kolikrát od minulého ohlédnutí vás klient kontaktoval mimo pracovní dobu?',
  ),
  meets_clients_outside_work: t(
    'How many times since the last check-in have you met a client outside work?',
    'Kolikrát od minulého ohlédnutí jste se s klientem setkal/a mimo práci?',
  ),
  private_number_shared: t(
    'A client has my private phone number.',
    'Některý klient má moje soukromé telefonní číslo.',
  ),
  informal_address_with_clients: t('I am on first-name, informal terms with clients.', 'S klienty si tykám.'),
  phone_off_after_hours: t(
    'I switch my work phone off when my working day ends.',
    'Po skončení pracovní doby si vypínám pracovní telefon.',
  ),
  keeps_working_hours: t('I keep to my working hours.', 'Dodržuji svou pracovní dobu.'),
  protects_personal_time: t(
    'I keep time for myself that work does not touch.',
    'Mám čas jen pro sebe, do kterého práce nezasahuje.',
  ),
  seen_as_former_patient: t(
    'At work I am treated as a former patient rather than a colleague.',
    'V práci se mnou jednají spíš jako s bývalým pacientem než jako s kolegou.',
  ),
  witnesses_disrespect_to_service_users: t(
    'How many times since the last check-in have you seen a client treated without respect?',
    'Kolikrát od minulého ohlédnutí jste viděl/a, že se s klientem jednalo bez respektu?',
  ),
  work_intrudes_personal_life: t(
    'Work spills over into my private and family life.',
    'Práce se mi přelévá do soukromého a rodinného života.',
  ),
  self_stigma: t(
    'I think less of myself because of my own illness.',
    'Kvůli své nemoci si o sobě myslím méně.',
  ),
  stress: t('I have felt under pressure lately.', 'V poslední době jsem pod tlakem.'),
  exhaustion: t('I have felt worn out lately.', 'V poslední době se cítím vyčerpaný/á.'),
};

/** The check-in question of an indicator. */
export const getCheckInText = (id: CheckInIndicatorId): LocalizedText => checkInTexts[id];

/** True when the check-in asks about `id`. */
export function isCheckInIndicatorId(id: string): id is CheckInIndicatorId {
  return (checkInIndicatorIds as readonly string[]).includes(id);
}
