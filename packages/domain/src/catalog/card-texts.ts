/** The text of every recommendation card in English and Czech, its audience, source and team-view phrase. */

import type { CardAudience, CardId, CardSource } from '../recommend/card';
import type { LocalizedText } from './localized-text';
import { sourceFor } from './sources';

/** What a card says, independent of the PSW it fires for. */
export interface CardText {
  readonly audience: CardAudience;
  /** At most 140 characters per language. */
  readonly summary: LocalizedText;
  /** Markdown. */
  readonly detail: LocalizedText;
  /** How a team or organisation view describes the PSWs the card fired for ("… have no workplace of their own"). */
  readonly groupPhrase: LocalizedText;
  readonly source: CardSource;
}

/** Every card's text, keyed by id. */
export const cardTexts: { readonly [K in CardId]: CardText } = {
  regular_supervision: {
    audience: 'organization',
    summary: {
      en: 'Supervision has lapsed. Set up regular sessions, at least monthly, with a supervisor who knows peer work.',
      cs: 'Supervize se nekoná. Zajistěte pravidelná setkání, alespoň jednou měsíčně, se supervizorem, který peer práci rozumí.',
    },
    detail: {
      en: 'Supervision is where a peer worker sorts out role conflicts before they turn into burnout.\n\n- Agree a fixed rhythm (for example every four weeks) and protect the time.\n- Prefer a supervisor familiar with peer work, or add peer supervision.\n- Record each session so gaps become visible early.',
      cs: 'Na supervizi si peer pracovník ujasňuje konflikty rolí dřív, než přerostou ve vyhoření.\n\n- Dohodněte pevný rytmus (například každé čtyři týdny) a tento čas chraňte.\n- Dejte přednost supervizorovi, který zná peer práci, nebo doplňte peer supervizi.\n- Každé setkání zaznamenejte, aby byl výpadek vidět včas.',
    },
    groupPhrase: { en: 'have had no recent supervision', cs: 'v poslední době neměli supervizi' },
    source: sourceFor('stefancic2021'),
  },
  supervision_focus_boundaries: {
    audience: 'supervisor',
    summary: {
      en: 'Make boundaries with clients a topic in the next supervision: contact after hours, private channels, friendship.',
      cs: 'Na příští supervizi otevřete téma hranic s klienty: kontakt po pracovní době, soukromé kanály, přátelství.',
    },
    detail: {
      en: 'The PSW shows signs that closeness with clients is colliding with the professional frame.\n\n- Go through concrete situations: who got in touch, when, and how the PSW answered.\n- Look for ways to stay warm and genuine while keeping work inside working time.\n- Check how this affects the PSW at home.',
      cs: 'U pracovníka se objevují známky, že blízkost s klienty naráží na profesní rámec.\n\n- Projděte konkrétní situace: kdo se ozval, kdy a jak pracovník reagoval.\n- Hledejte cesty, jak zůstat vřelý a opravdový, a přitom držet práci v pracovní době.\n- Ověřte, jak se to promítá do jeho domácího života.',
    },
    groupPhrase: {
      en: 'show strain between the friend and professional roles',
      cs: 'vykazují napětí mezi rolí přítele a profesionála',
    },
    source: sourceFor('stefancic2021'),
  },
  boundary_strategies: {
    audience: 'peer_worker',
    summary: {
      en: 'Try simple boundary habits: a work phone only, phone off after hours, and time that belongs to you.',
      cs: 'Vyzkoušejte jednoduché návyky pro hranice: jen pracovní telefon, vypnutý telefon po práci a čas jen pro sebe.',
    },
    detail: {
      en: 'Being close to clients is a strength of peer work; it helps to give that closeness a frame.\n\n- Give clients a work number, not your private one.\n- Switch the work phone off when your working day ends.\n- Keep your working hours and plan time that is only yours.\n- Talk with your supervisor about situations that felt hard to turn down.',
      cs: 'Blízkost s klienty je silnou stránkou peer práce; pomáhá dát jí jasný rámec.\n\n- Dávejte klientům pracovní číslo, ne soukromé.\n- Po skončení pracovního dne pracovní telefon vypněte.\n- Dodržujte pracovní dobu a plánujte si čas jen pro sebe.\n- Situace, které se vám těžko odmítaly, proberte se svým supervizorem.',
    },
    groupPhrase: { en: 'could use boundary strategies', cs: 'by potřebovali strategie pro hranice' },
    source: sourceFor('stefancic2021'),
  },
  psychotherapy_access: {
    audience: 'organization',
    summary: {
      en: 'Offer peer workers access to psychotherapy or counselling of their own, outside their line management.',
      cs: 'Nabídněte peer pracovníkům přístup k vlastní psychoterapii nebo poradenství mimo jejich přímé vedení.',
    },
    detail: {
      en: 'Peer work draws on personal experience and can reopen it. A confidential place to process that helps prevent burnout.\n\n- Arrange access to psychotherapy or counselling, paid or on working time.\n- Keep it separate from supervision and performance reviews.',
      cs: 'Peer práce čerpá z osobní zkušenosti a může ji znovu otevírat. Důvěrný prostor, kde ji lze zpracovat, pomáhá předcházet vyhoření.\n\n- Zajistěte přístup k psychoterapii nebo poradenství, hrazený nebo v pracovní době.\n- Držte ho odděleně od supervize i od hodnocení práce.',
    },
    groupPhrase: {
      en: 'carry strain and lack access to psychotherapy',
      cs: 'nesou zátěž a nemají přístup k psychoterapii',
    },
    source: sourceFor('park2016'),
  },
  supervision_focus_team_position: {
    audience: 'supervisor',
    summary: {
      en: "Discuss the PSW's place in the team in supervision: inclusion, information, and how colleagues treat them.",
      cs: 'Proberte na supervizi postavení pracovníka v týmu: zapojení, informovanost a to, jak s ním kolegové jednají.',
    },
    detail: {
      en: 'There are signs the PSW is not treated as a full member of the team.\n\n- Ask where they feel left out and where they feel heard.\n- Separate what the PSW can change from what needs the team or management.\n- Agree who raises the structural issues, and follow up.',
      cs: 'Některé známky ukazují, že pracovník není brán jako plnohodnotný člen týmu.\n\n- Zeptejte se, kde se cítí vynechaný a kde vyslyšený.\n- Oddělte, co může změnit sám, od toho, co musí řešit tým nebo vedení.\n- Domluvte se, kdo otevře systémové překážky, a ověřte, jak to dopadlo.',
    },
    groupPhrase: {
      en: 'show strain in their position in the team',
      cs: 'vykazují napětí ve svém postavení v týmu',
    },
    source: sourceFor('stefancic2021'),
  },
  team_education: {
    audience: 'team',
    summary: {
      en: 'Train the team on what peer workers do and how to work alongside them as equal colleagues.',
      cs: 'Proškolte tým v tom, co peer pracovníci dělají a jak s nimi spolupracovat jako s rovnocennými kolegy.',
    },
    detail: {
      en: 'Teams that understand the peer role include peer workers more readily and treat them as colleagues rather than as former patients.\n\n- Hold a session on the purpose and value of peer support.\n- Clarify what the PSW does, what they do not do, and how the team involves them.\n- Invite the PSW to shape the training.',
      cs: 'Týmy, které roli peer pracovníka rozumějí, ho snáz zapojí a berou ho jako kolegu, ne jako bývalého pacienta.\n\n- Uspořádejte setkání o smyslu a přínosu peer podpory.\n- Vyjasněte, co pracovník dělá, co nedělá a jak ho tým zapojuje.\n- Přizvěte peer pracovníka k přípravě školení.',
    },
    groupPhrase: {
      en: 'work in teams not yet trained in peer work',
      cs: 'pracují v týmech, které ještě nejsou proškolené v peer práci',
    },
    source: sourceFor('debyser2019'),
  },
  equal_working_conditions: {
    audience: 'organization',
    summary: {
      en: 'Give the PSW the same conditions as colleagues: a workplace, team meeting invitations and client information.',
      cs: 'Dejte pracovníkovi stejné podmínky jako kolegům: pracovní místo, pozvánky na porady a informace o klientech.',
    },
    detail: {
      en: 'Being a member of the team on equal terms starts with practical things.\n\n- A desk or space of their own.\n- An invitation to every team meeting.\n- Access to the information about the clients they work with, on the same rules as colleagues.',
      cs: 'Být rovnocenným členem týmu začíná u praktických věcí.\n\n- Vlastní stůl nebo pracovní prostor.\n- Pozvánka na každou poradu týmu.\n- Přístup k informacím o klientech, se kterými pracuje, za stejných pravidel jako kolegové.',
    },
    groupPhrase: {
      en: 'lack a workplace, meeting invitations or client information',
      cs: 'nemají pracovní místo, pozvánky na porady nebo informace o klientech',
    },
    source: sourceFor(),
  },
  define_psw_position: {
    audience: 'organization',
    summary: {
      en: 'Write down the peer worker position: purpose, tasks, limits, and where it sits in the team.',
      cs: 'Popište písemně pozici peer pracovníka: smysl, úkoly, hranice a její místo v týmu.',
    },
    detail: {
      en: 'Without a written position, the PSW and the team each guess what the role is.\n\n- Describe the purpose of the role and its typical tasks.\n- State what is outside the role.\n- Share the description with the whole team and revisit it yearly.',
      cs: 'Bez písemného popisu pozice si pracovník i tým roli každý domýšlí po svém.\n\n- Popište smysl role a její typické úkoly.\n- Uveďte, co do role nepatří.\n- Seznamte s popisem celý tým a jednou ročně ho zrevidujte.',
    },
    groupPhrase: {
      en: 'work on units with no written peer position',
      cs: 'pracují na pracovištích bez písemně popsané peer pozice',
    },
    source: sourceFor(),
  },
  destigmatization: {
    audience: 'organization',
    summary: {
      en: 'Address stigma among staff: how colleagues talk about service users and about peer workers.',
      cs: 'Zaměřte se na stigma mezi personálem: jak kolegové mluví o klientech i o peer pracovnících.',
    },
    detail: {
      en: 'Stigma in a team hurts service users and tells the peer worker how they are seen.\n\n- Run destigmatisation work with the staff, ideally with people with lived experience.\n- Make respectful language a shared team standard.\n- Give the PSW a safe way to raise what they witness.',
      cs: 'Stigma v týmu poškozuje klienty a zároveň peer pracovníkovi ukazuje, jak je vnímán.\n\n- Realizujte s personálem destigmatizační aktivity, nejlépe za účasti lidí s vlastní zkušeností.\n- Udělejte z respektujícího jazyka společný standard týmu.\n- Dejte pracovníkovi bezpečnou cestu, jak upozornit na to, čeho je svědkem.',
    },
    groupPhrase: { en: 'meet stigma at work', cs: 'se v práci setkávají se stigmatem' },
    source: sourceFor('verhaeghe2012'),
  },
  protect_peer_relationship: {
    audience: 'supervisor',
    summary: {
      en: 'The PSW works mostly as a professional. Help them keep the equal, experience-based bond with clients.',
      cs: 'Pracovník působí hlavně jako profesionál. Pomozte mu udržet rovný vztah s klienty založený na vlastní zkušenosti.',
    },
    detail: {
      en: 'What makes peer support distinct is an equal relationship built on shared experience. When the role becomes fully formalised, that is lost.\n\n- Ask where the PSW still uses their own story, and where they stopped.\n- Make sure rules and tasks leave room for informal contact.\n- Value the peer stance explicitly.',
      cs: 'Jedinečnost peer podpory stojí na rovném vztahu opřeném o sdílenou zkušenost. Když se role zcela zformalizuje, tato jedinečnost se ztrácí.\n\n- Zeptejte se, kde pracovník svůj příběh stále využívá a kde s tím přestal.\n- Ověřte, že pravidla a úkoly nechávají prostor pro neformální kontakt.\n- Peer přístup výslovně oceňujte.',
    },
    groupPhrase: { en: 'are losing the peer side of their role', cs: 'ztrácejí peer stránku své role' },
    source: sourceFor('gillard2014'),
  },
  wellbeing_check: {
    audience: 'supervisor',
    summary: {
      en: "Check in on the PSW's wellbeing: workload, stress and rest. Agree on concrete relief if needed.",
      cs: 'Zeptejte se pracovníka, jak se mu daří: zátěž, stres a odpočinek. V případě potřeby domluvte konkrétní úlevu.',
    },
    detail: {
      en: 'Signs of strain call for a conversation before they become burnout.\n\n- Ask openly how the PSW is and what weighs on them.\n- Look at caseload, hours and recovery time.\n- Agree on relief and on where to find support, and check again soon.',
      cs: 'Známky zátěže je dobré otevřít dřív, než přerostou ve vyhoření.\n\n- Zeptejte se otevřeně, jak se pracovník má a co ho tíží.\n- Podívejte se na počet klientů, pracovní dobu a čas na zotavení.\n- Domluvte úlevu a to, kde hledat podporu, a brzy se k tomu vraťte.',
    },
    groupPhrase: { en: 'show signs of strain', cs: 'vykazují známky zátěže' },
    source: sourceFor('park2016'),
  },
  role_clarity_conversation: {
    audience: 'supervisor',
    summary: {
      en: 'Talk with the PSW about what is expected of them, and agree on their tasks and limits.',
      cs: 'Promluvte si s pracovníkem o tom, co se od něj očekává, a domluvte jeho úkoly a hranice.',
    },
    detail: {
      en: 'An unclear role feeds both conflicts.\n\n- Ask what the PSW thinks is expected of them, and by whom.\n- Agree on core tasks and on what is not theirs to do.\n- Write down what you agreed and share it with the team.',
      cs: 'Nejasná role živí oba konflikty.\n\n- Zeptejte se, co si pracovník myslí, že se od něj očekává, a kým.\n- Domluvte hlavní úkoly i to, co mu nepřísluší.\n- Dohodu zapište a seznamte s ní tým.',
    },
    groupPhrase: { en: 'are unsure what is expected of them', cs: 'si nejsou jistí, co se od nich očekává' },
    source: sourceFor(),
  },
  structured_check_in: {
    audience: 'supervisor',
    summary: {
      en: 'There is too little recent evidence to judge. Run a structured check-in and record what you learn.',
      cs: 'Nedávných podkladů je na posouzení příliš málo. Proveďte strukturovaný rozhovor a zaznamenejte zjištění.',
    },
    detail: {
      en: "Conclusions need evidence. Use the supervisor's questions of the indicator catalog in the next session to cover the PSW's roles, both conflicts and their wellbeing.",
      cs: 'Závěry potřebují podklady. Na příštím setkání použijte otázky pro supervizora z katalogu indikátorů a projděte role pracovníka, oba konflikty i jeho duševní pohodu.',
    },
    groupPhrase: { en: 'have too little recent evidence', cs: 'mají příliš málo nedávných podkladů' },
    source: sourceFor(),
  },
  keep_going: {
    audience: 'supervisor',
    summary: {
      en: 'No concerns stand out. Keep the current supervision rhythm and acknowledge what works.',
      cs: 'Nic znepokojivého se neukazuje. Udržte současný rytmus supervize a oceňte, co funguje.',
    },
    detail: {
      en: 'The evidence shows balanced roles and no active conflict. Keep recording observations so changes are noticed early.',
      cs: 'Podklady ukazují vyvážené role a žádný aktivní konflikt. Pokračujte v zaznamenávání pozorování, aby se změny zachytily včas.',
    },
    groupPhrase: { en: 'show no concerns', cs: 'nevykazují žádné známky potíží' },
    source: sourceFor(),
  },
};
