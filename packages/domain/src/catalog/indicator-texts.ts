/** Label, description and supervisor's question of every indicator, in English and Czech. */
import type { IndicatorId } from './indicator-ids';
import type { LocalizedText } from './localized-text';

/** The words of one indicator. */
export interface IndicatorText {
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  /** What a supervisor asks (or checks) to record the indicator. */
  readonly question: LocalizedText;
}

const t = (en: string, cs: string): LocalizedText => ({ en, cs });

/** The words of every indicator, keyed by id. */
export const indicatorTexts: { readonly [K in IndicatorId]: IndicatorText } = {
  shares_lived_experience: {
    label: t('Shares lived experience', 'Sdílí vlastní zkušenost'),
    description: t(
      'Draws on their own experience of illness and recovery in conversations with service users.',
      'V rozhovorech s klienty vychází z vlastní zkušenosti s nemocí a zotavením.',
    ),
    question: t(
      'How often do you bring your own experience into conversations with clients? (1 never, 5 very often)',
      'Jak často vnášíte do rozhovorů s klienty vlastní zkušenost? (1 nikdy, 5 velmi často)',
    ),
  },
  trusting_equal_relationships: {
    label: t('Trusting, equal relationships', 'Důvěrné a rovné vztahy'),
    description: t(
      'Relationships with service users are built on trust and meet at eye level.',
      'Vztahy s klienty stojí na důvěře a probíhají na stejné úrovni.',
    ),
    question: t(
      'How far do your relationships with clients feel trusting and equal? (1 not at all, 5 fully)',
      'Nakolik jsou vaše vztahy s klienty důvěrné a rovné? (1 vůbec, 5 zcela)',
    ),
  },
  acts_as_role_model: {
    label: t('Acts as a role model', 'Je vzorem'),
    description: t(
      'Service users see in the PSW an example that recovery is possible.',
      'Klienti vidí v pracovníkovi příklad toho, že zotavení je možné.',
    ),
    question: t(
      'Have clients told you, or shown you, that you give them hope that recovery is possible?',
      'Dali vám klienti najevo, že jim dáváte naději, že se zotavit dá?',
    ),
  },
  client_friendship_requests: {
    label: t('Clients ask for friendship', 'Klienti žádají o přátelství'),
    description: t(
      'Service users ask to become friends, for example on social media or in private life.',
      'Klienti žádají o přátelství, například na sociálních sítích nebo v soukromém životě.',
    ),
    question: t(
      'Since we last met, how many times has a client asked to be your friend?',
      'Kolikrát vás od našeho posledního setkání požádal klient o přátelství?',
    ),
  },
  after_hours_client_contact: {
    label: t('Client contact after hours', 'Kontakt s klienty po pracovní době'),
    description: t(
      'Service users call, message or visit outside working hours.',
      'Klienti volají, píší nebo přicházejí mimo pracovní dobu.',
    ),
    question: t(
      'Since we last met, how many times did clients contact you outside working hours?',
      'Kolikrát vás od našeho posledního setkání kontaktovali klienti mimo pracovní dobu?',
    ),
  },
  private_number_shared: {
    label: t('Private number shared', 'Klienti mají soukromé číslo'),
    description: t(
      'Service users have the PSW’s private phone number.',
      'Klienti mají soukromé telefonní číslo pracovníka.',
    ),
    question: t(
      'Do any clients have your private phone number?',
      'Má některý klient vaše soukromé telefonní číslo?',
    ),
  },
  meets_clients_outside_work: {
    label: t('Meets clients outside work', 'Setkává se s klienty mimo práci'),
    description: t(
      'Meetings with service users outside the work setting, arranged or by chance.',
      'Setkání s klienty mimo pracovní rámec, domluvená i náhodná.',
    ),
    question: t(
      'Since we last met, how many times did you meet clients outside work?',
      'Kolikrát jste se od našeho posledního setkání viděli s klienty mimo práci?',
    ),
  },
  informal_address_with_clients: {
    label: t('Informal address with clients', 'Tykání s klienty'),
    description: t(
      'The PSW and service users address each other informally (for example by first name, or “ty” in Czech).',
      'Pracovník a klienti si navzájem tykají nebo si říkají křestními jmény.',
    ),
    question: t('Do you and your clients address each other informally?', 'Tykáte si s klienty?'),
  },
  work_intrudes_personal_life: {
    label: t('Work intrudes on personal life', 'Práce zasahuje do soukromí'),
    description: t(
      'Work reaches into family life and free time, and people close to the PSW notice it.',
      'Práce zasahuje do rodinného života a volného času a blízcí pracovníka to vnímají.',
    ),
    question: t(
      'How much does work reach into your private and family life? (1 not at all, 5 very much)',
      'Nakolik práce zasahuje do vašeho soukromého a rodinného života? (1 vůbec, 5 velmi)',
    ),
  },
  applies_professional_competencies: {
    label: t('Applies professional competencies', 'Uplatňuje profesní dovednosti'),
    description: t(
      'Uses counselling and other skills gained in training in their work with service users.',
      'V práci s klienty využívá poradenské a další dovednosti získané výcvikem.',
    ),
    question: t(
      'How much do you use the skills from your training in work with clients? (1 not at all, 5 a great deal)',
      'Nakolik v práci s klienty využíváte dovednosti z výcviku? (1 vůbec, 5 velmi)',
    ),
  },
  works_within_org_rules: {
    label: t('Works within the organisation’s rules', 'Pracuje v rámci pravidel organizace'),
    description: t(
      'Follows the organisation’s rules and the limits of the peer position.',
      'Dodržuje pravidla organizace a hranice své peer pozice.',
    ),
    question: t(
      'How easy is it to work within the rules of your organisation and your position? (1 very hard, 5 very easy)',
      'Jak snadno se vám daří pracovat v rámci pravidel organizace a své pozice? (1 velmi obtížně, 5 velmi snadno)',
    ),
  },
  phone_off_after_hours: {
    label: t('Phone off after hours', 'Telefon po práci vypnutý'),
    description: t(
      'The PSW switches the work phone off, or does not answer, after working hours.',
      'Pracovník po pracovní době pracovní telefon vypíná nebo ho nezvedá.',
    ),
    question: t(
      'Do you switch your work phone off when your working day ends?',
      'Vypínáte pracovní telefon, když skončí vaše pracovní doba?',
    ),
  },
  keeps_working_hours: {
    label: t('Keeps working hours', 'Dodržuje pracovní dobu'),
    description: t(
      'Work with service users happens within agreed working hours.',
      'Práce s klienty probíhá v dohodnuté pracovní době.',
    ),
    question: t(
      'Do you manage to keep your work within your working hours?',
      'Daří se vám udržet práci v rámci pracovní doby?',
    ),
  },
  protects_personal_time: {
    label: t('Protects personal time', 'Chrání svůj osobní čas'),
    description: t(
      'The PSW keeps time for rest and private life that work does not touch.',
      'Pracovník si drží čas na odpočinek a soukromí, do kterého práce nezasahuje.',
    ),
    question: t(
      'How well do you protect time that belongs only to you? (1 not at all, 5 fully)',
      'Jak dobře si chráníte čas, který patří jen vám? (1 vůbec, 5 zcela)',
    ),
  },
  cooperates_in_team: {
    label: t('Cooperates in the team', 'Spolupracuje v týmu'),
    description: t(
      'Works together with colleagues of other professions on shared tasks.',
      'Spolupracuje s kolegy jiných profesí na společných úkolech.',
    ),
    question: t(
      'How much do you work together with colleagues on shared cases? (1 not at all, 5 a great deal)',
      'Nakolik spolupracujete s kolegy na společných případech? (1 vůbec, 5 velmi)',
    ),
  },
  input_valued_by_team: {
    label: t('Input valued by the team', 'Tým si cení jeho přínosu'),
    description: t(
      'Colleagues listen to the PSW and take their view into account.',
      'Kolegové pracovníkovi naslouchají a berou jeho pohled v úvahu.',
    ),
    question: t(
      'How far do colleagues take your views into account? (1 not at all, 5 fully)',
      'Nakolik kolegové berou vaše názory v úvahu? (1 vůbec, 5 zcela)',
    ),
  },
  supportive_colleagues: {
    label: t('Supportive colleagues', 'Podporující kolegové'),
    description: t(
      'Colleagues back the PSW and help when it is needed.',
      'Kolegové pracovníka podporují a pomohou, když je potřeba.',
    ),
    question: t(
      'How supported do you feel by your colleagues? (1 not at all, 5 fully)',
      'Nakolik se cítíte podporováni kolegy? (1 vůbec, 5 zcela)',
    ),
  },
  has_own_workplace: {
    label: t('Own workplace', 'Vlastní pracovní místo'),
    description: t(
      'The unit gives the PSW a desk or space of their own, like other staff.',
      'Pracoviště dává pracovníkovi vlastní stůl nebo prostor, stejně jako ostatním zaměstnancům.',
    ),
    question: t(
      'Does the PSW have a workplace of their own on the unit?',
      'Má peer pracovník na pracovišti vlastní pracovní místo?',
    ),
  },
  invited_to_team_meetings: {
    label: t('Invited to team meetings', 'Zván na porady týmu'),
    description: t(
      'The PSW is invited to the unit’s team meetings.',
      'Pracovník je zván na porady týmu pracoviště.',
    ),
    question: t('Is the PSW invited to the unit’s team meetings?', 'Je peer pracovník zván na porady týmu?'),
  },
  receives_client_information: {
    label: t('Receives client information', 'Dostává informace o klientech'),
    description: t(
      'The PSW is told what they need to know about the service users they work with.',
      'Pracovník dostává potřebné informace o klientech, se kterými pracuje.',
    ),
    question: t(
      'Is the PSW given the information they need about the clients they work with?',
      'Dostává peer pracovník potřebné informace o klientech, se kterými pracuje?',
    ),
  },
  condition_accommodated: {
    label: t('Health needs accommodated', 'Zohlednění zdravotních potřeb'),
    description: t(
      'The workplace adapts to the PSW’s health needs where that is needed, without asking for a diagnosis.',
      'Pracoviště se v případě potřeby přizpůsobí zdravotním potřebám pracovníka, aniž by chtělo znát diagnózu.',
    ),
    question: t(
      'When your health needs it, does the workplace make adjustments for you?',
      'Když to vaše zdraví vyžaduje, přizpůsobí se vám pracoviště?',
    ),
  },
  uses_lived_experience_in_team: {
    label: t('Uses lived experience in the team', 'Využívá zkušenost v týmu'),
    description: t(
      'Brings the perspective of lived experience into team discussions and decisions.',
      'Vnáší pohled vlastní zkušenosti do diskusí a rozhodování týmu.',
    ),
    question: t(
      'How often do you bring your own experience into team discussions? (1 never, 5 very often)',
      'Jak často vnášíte vlastní zkušenost do diskusí v týmu? (1 nikdy, 5 velmi často)',
    ),
  },
  bridges_staff_and_clients: {
    label: t('Bridges staff and clients', 'Propojuje personál a klienty'),
    description: t(
      'Helps colleagues understand service users and service users understand the team.',
      'Pomáhá kolegům porozumět klientům a klientům porozumět týmu.',
    ),
    question: t(
      'How much do you help colleagues and clients understand each other? (1 not at all, 5 a great deal)',
      'Nakolik pomáháte kolegům a klientům vzájemně si porozumět? (1 vůbec, 5 velmi)',
    ),
  },
  seen_as_former_patient: {
    label: t('Treated as a former patient', 'Vnímán jako bývalý pacient'),
    description: t(
      'Colleagues relate to the PSW as to a patient rather than a colleague (direct stigma).',
      'Kolegové se k pracovníkovi chovají spíš jako k pacientovi než jako ke kolegovi (přímé stigma).',
    ),
    question: t(
      'How often do colleagues treat you as a former patient rather than a colleague? (1 never, 5 very often)',
      'Jak často s vámi kolegové jednají spíš jako s bývalým pacientem než jako s kolegou? (1 nikdy, 5 velmi často)',
    ),
  },
  witnesses_disrespect_to_service_users: {
    label: t('Witnesses disrespect to service users', 'Svědkem neúcty ke klientům'),
    description: t(
      'The PSW sees or hears staff treat service users without respect (indirect stigma).',
      'Pracovník vidí nebo slyší, jak personál jedná s klienty bez respektu (nepřímé stigma).',
    ),
    question: t(
      'Since we last met, how many times did you witness staff treating clients without respect?',
      'Kolikrát jste byli od našeho posledního setkání svědky toho, že personál jednal s klienty bez respektu?',
    ),
  },
  self_stigma: {
    label: t('Self-stigma', 'Sebestigmatizace'),
    description: t(
      'The PSW doubts their own worth or competence because of their illness experience.',
      'Pracovník kvůli své zkušenosti s nemocí pochybuje o vlastní hodnotě nebo schopnostech.',
    ),
    question: t(
      'How often do you doubt yourself at work because of your experience of illness? (1 never, 5 very often)',
      'Jak často v práci pochybujete o sobě kvůli své zkušenosti s nemocí? (1 nikdy, 5 velmi často)',
    ),
  },
  exhaustion: {
    label: t('Exhaustion', 'Vyčerpání'),
    description: t(
      'Feeling drained by work, with little energy left.',
      'Pocit, že práce vysává síly a energie zbývá málo.',
    ),
    question: t(
      'How exhausted do you feel after work lately? (1 not at all, 5 completely)',
      'Jak vyčerpaní se po práci v poslední době cítíte? (1 vůbec, 5 úplně)',
    ),
  },
  stress: {
    label: t('Stress', 'Stres'),
    description: t('Feeling under pressure at work.', 'Pocit tlaku v práci.'),
    question: t(
      'How stressed have you felt at work lately? (1 not at all, 5 extremely)',
      'Nakolik jste se v práci v poslední době cítili ve stresu? (1 vůbec, 5 extrémně)',
    ),
  },
  role_unclear: {
    label: t('Unclear what is expected', 'Nejasná očekávání'),
    description: t(
      'The PSW is not sure what the organisation and the team expect of them.',
      'Pracovník si není jistý, co od něj organizace a tým očekávají.',
    ),
    question: t(
      'How unclear is it to you what is expected of you in your role? (1 fully clear, 5 completely unclear)',
      'Nakolik je pro vás nejasné, co se od vás ve vaší roli očekává? (1 zcela jasné, 5 zcela nejasné)',
    ),
  },
  supervision_available: {
    label: t('Supervision available', 'Dostupná supervize'),
    description: t(
      'The unit offers the PSW regular supervision.',
      'Pracoviště nabízí pracovníkovi pravidelnou supervizi.',
    ),
    question: t(
      'Does the unit offer peer workers regular supervision?',
      'Nabízí pracoviště peer pracovníkům pravidelnou supervizi?',
    ),
  },
  psychotherapy_access: {
    label: t('Access to psychotherapy', 'Přístup k psychoterapii'),
    description: t(
      'The PSW can use psychotherapy or counselling arranged or supported by the employer.',
      'Pracovník může využít psychoterapii nebo poradenství, které zajišťuje nebo podporuje zaměstnavatel.',
    ),
    question: t(
      'Can peer workers use psychotherapy or counselling supported by the employer?',
      'Mohou peer pracovníci využít psychoterapii nebo poradenství podporované zaměstnavatelem?',
    ),
  },
  position_defined: {
    label: t('Written peer position', 'Písemně popsaná pozice'),
    description: t(
      'The unit has a written description of the peer worker position.',
      'Pracoviště má písemný popis pozice peer pracovníka.',
    ),
    question: t(
      'Is there a written description of the peer worker position on this unit?',
      'Existuje na pracovišti písemný popis pozice peer pracovníka?',
    ),
  },
  team_trained_in_peer_work: {
    label: t('Team trained in peer work', 'Tým proškolený v peer práci'),
    description: t(
      'The team has been trained in what peer work is and how to work with a PSW.',
      'Tým prošel školením o tom, co je peer práce a jak s peer pracovníkem spolupracovat.',
    ),
    question: t(
      'Has the team been trained in working with peer workers?',
      'Prošel tým školením o spolupráci s peer pracovníky?',
    ),
  },
  destigmatization_activities: {
    label: t('Destigmatisation activities', 'Destigmatizační aktivity'),
    description: t(
      'The unit runs activities that reduce stigma among staff.',
      'Pracoviště realizuje aktivity, které snižují stigma mezi personálem.',
    ),
    question: t(
      'Does the unit run activities that reduce stigma among staff?',
      'Realizuje pracoviště aktivity, které snižují stigma mezi personálem?',
    ),
  },
};
