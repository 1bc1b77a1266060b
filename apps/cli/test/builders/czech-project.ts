/**
 * A small synthetic Czech interview project: diacritics, emoji (surrogate pairs), CRLF line breaks
 * and a BOM in one source, two coders, cases with setting/age/gender/tenure. Every text is invented.
 */
import type { ProjectSpec, SelectionSpec } from './refi-project';

const interviewA = [
  'Tazatel: Jak vypadá váš běžný pracovní den?',
  'Pracovnice: Ráno přijdu na oddělení, projdu si, kdo je nový, a pak sedím s klienty. 😊',
  'Někdy mi klienti volají i večer po práci, to je těžké odmítnout.',
  'Telefon si teď po šesté vypínám, jinak bych si neodpočinula.',
  'Na poradách týmu zatím nebývám, o klientech se dozvídám až potom.',
].join('\r\n');

const interviewB = [
  'Tazatel: Co vám v týmu pomáhá?',
  'Pracovník: Kolegové se mě ptají na můj pohled, to si cením. 👍🏽',
  'Svou zkušenost s nemocí používám, když vysvětluji, jak to klient prožívá.',
  'Supervize je jednou měsíčně a opravdu pomáhá.',
].join('\n');

/** The [start, end) of `phrase` in `text` as JavaScript string indices. */
function span(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in text: ${phrase}`);
  return { start, end: start + phrase.length };
}

function sel(text: string, phrase: string, codes: string[], coder: string): SelectionSpec {
  return { ...span(text, phrase), codes, coder };
}

export const czechCodes = [
  'Kontakt s klienty po pracovní době',
  'Vypíná telefon po práci',
  'Není zván na porady týmu',
  'Tým oceňuje jeho vstupy',
  'Využívá vlastní zkušenost v týmu',
  'Vlastní kód bez indikátoru ✨',
];

export const czechProject: ProjectSpec = {
  name: 'Rozhovory s peer pracovníky',
  codes: czechCodes,
  coders: ['Kodérka Alena', 'Kodér Bedřich'],
  cases: [
    { name: 'Účastnice 01', variables: { setting: 'inpatient', age: 41, gender: 'žena', tenure: 8 } },
    { name: 'Účastník 02', variables: { setting: 'community', age: 35, gender: 'muž', tenure: 30 } },
  ],
  documents: [
    {
      name: 'Rozhovor 01 – oddělení.txt',
      text: interviewA,
      bom: true,
      case: 'Účastnice 01',
      selections: [
        sel(
          interviewA,
          'Někdy mi klienti volají i večer po práci',
          ['Kontakt s klienty po pracovní době'],
          'Kodérka Alena',
        ),
        sel(
          interviewA,
          'klienti volají i večer po práci, to je těžké odmítnout.',
          ['Kontakt s klienty po pracovní době'],
          'Kodér Bedřich',
        ),
        sel(interviewA, 'Telefon si teď po šesté vypínám', ['Vypíná telefon po práci'], 'Kodérka Alena'),
        sel(interviewA, 'sedím s klienty. 😊', ['Vlastní kód bez indikátoru ✨'], 'Kodérka Alena'),
        sel(
          interviewA,
          'Na poradách týmu zatím nebývám',
          ['Není zván na porady týmu', 'Vlastní kód bez indikátoru ✨'],
          'Kodér Bedřich',
        ),
      ],
    },
    {
      name: 'Rozhovor 02 – komunita.txt',
      text: interviewB,
      case: 'Účastník 02',
      selections: [
        sel(
          interviewB,
          'Kolegové se mě ptají na můj pohled, to si cením. 👍🏽',
          ['Tým oceňuje jeho vstupy'],
          'Kodérka Alena',
        ),
        sel(
          interviewB,
          'Svou zkušenost s nemocí používám',
          ['Využívá vlastní zkušenost v týmu'],
          'Kodér Bedřich',
        ),
        sel(
          interviewB,
          'Svou zkušenost s nemocí používám, když vysvětluji',
          ['Tým oceňuje jeho vstupy'],
          'Kodérka Alena',
        ),
      ],
    },
  ],
};

/** A mapping file (YAML) for the Czech codes. */
export const czechMappingYaml = `# Which of our Czech codes stand for which PeerBridge indicators
codes:
  - name: Kontakt s klienty po pracovní době
    indicator: after_hours_client_contact
  - name: Vypíná telefon po práci
    indicator: phone_off_after_hours
  - name: Není zván na porady týmu
    indicator: invited_to_team_meetings
    value: false
  - name: Tým oceňuje jeho vstupy
    indicator: input_valued_by_team
  - name: Využívá vlastní zkušenost v týmu
    indicator: uses_lived_experience_in_team
observedAt: 2024-03-01
`;
