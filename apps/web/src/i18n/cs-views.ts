/** Czech texts of the team view and the researcher's study pages. */
import type { Messages } from './messages';

export const csTeam = {
  title: 'Přehled týmu',
  scope: 'Pracoviště',
  allUnits: 'Všechna pracoviště',
  empty: 'V tomto přehledu nejsou žádní peer pracovníci.',
  scopeOrganization_one:
    'Celá organizace: {{count}} peer pracovník, hodnoceno k {{date}}. Skupiny menší než {{k}} jsou skryté.',
  scopeOrganization_few:
    'Celá organizace: {{count}} peer pracovníci, hodnoceno k {{date}}. Skupiny menší než {{k}} jsou skryté.',
  scopeOrganization_many:
    'Celá organizace: {{count}} peer pracovníků, hodnoceno k {{date}}. Skupiny menší než {{k}} jsou skryté.',
  scopeOrganization_other:
    'Celá organizace: {{count}} peer pracovníků, hodnoceno k {{date}}. Skupiny menší než {{k}} jsou skryté.',
  scopeCaseload_one:
    'Vaši pracovníci: {{count}} peer pracovník, hodnoceno k {{date}}. Skupiny menší než {{k}} jsou skryté.',
  scopeCaseload_few:
    'Vaši pracovníci: {{count}} peer pracovníci, hodnoceno k {{date}}. Skupiny menší než {{k}} jsou skryté.',
  scopeCaseload_many:
    'Vaši pracovníci: {{count}} peer pracovníků, hodnoceno k {{date}}. Skupiny menší než {{k}} jsou skryté.',
  scopeCaseload_other:
    'Vaši pracovníci: {{count}} peer pracovníků, hodnoceno k {{date}}. Skupiny menší než {{k}} jsou skryté.',
  overallCards: 'Doporučení za celý přehled',
  unitCards: 'Doporučení pro {{name}}',
  whatToDo: 'Co dělat',
  noCards: 'Pro tuto skupinu nejsou žádná doporučení.',
  suppressed: 'Počet skryt (malá skupina)',
  workers_one: '{{count}} peer pracovník',
  workers_few: '{{count}} peer pracovníci',
  workers_many: '{{count}} peer pracovníků',
  workers_other: '{{count}} peer pracovníků',
  prevalence: 'Konflikty a zjištění podle typu služby',
  prevalenceHint:
    'Peer pracovníci s daným konfliktem (alespoň počínajícím) nebo zjištěním. Počty pod {{k}} jsou skryté, stejně jako každý počet, ze kterého by se daly dopočítat.',
  row: 'Konflikt nebo zjištění',
  total: 'Celkem',
  hidden: 'pod {{k}}',
  reason: { small: 'Skryto: méně než k osob', complementary: 'Skryto, aby nešel dopočítat malý počet' },
  chartAlt: 'Sloupcový graf obou konfliktů podle typu služby',
} satisfies Messages;

export const csResearch = {
  title: 'Studie',
  empty: 'Zatím žádné studie',
  emptyHint: 'Importujte projekt REFI-QDA z příkazové řádky (peerbridge import) a objeví se zde.',
  study: 'Studie',
  imported: 'Importováno',
  participants: 'Účastníci',
  documents: 'Dokumenty',
  segments: 'Kódované úseky',
  cohortNote_one:
    '{{count}} účastník, hodnoceno k {{date}} podle pravidel {{ruleset}}. Účastníci jsou uvedeni pod označením z importu, které vidíte jen vy jako vlastník studie.',
  cohortNote_few:
    '{{count}} účastníci, hodnoceno k {{date}} podle pravidel {{ruleset}}. Účastníci jsou uvedeni pod označením z importu, které vidíte jen vy jako vlastník studie.',
  cohortNote_many:
    '{{count}} účastníků, hodnoceno k {{date}} podle pravidel {{ruleset}}. Účastníci jsou uvedeni pod označením z importu, které vidíte jen vy jako vlastník studie.',
  cohortNote_other:
    '{{count}} účastníků, hodnoceno k {{date}} podle pravidel {{ruleset}}. Účastníci jsou uvedeni pod označením z importu, které vidíte jen vy jako vlastník studie.',
  profiles: 'Profily rolí účastníků',
  participant: 'Účastník',
  originalLabel: 'Označení z importu',
  setting: 'Typ služby',
  prevalence: 'Výskyt rolí a konfliktů podle typu služby',
  prevalenceHint:
    'Role se počítá jako naplněná od {{threshold}}, konflikt od úrovně počínající; uvedeno jako počet / účastníci se známou hodnotou.',
  overall: 'Celkem',
  coOccurrence: 'Společný výskyt kódů',
  coOccurrenceHint:
    'c-koeficient = n12 / (n1 + n2 − n12): 0 znamená, že se kódy nikdy nepřekrývají, 1 že vždy.',
  noCoOccurrence: 'Žádné překrývající se kódy.',
  code: 'Kód',
  pairTitle: '{{a}} a {{b}}: {{n}} překryvů, c = {{c}}',
  agreement: 'Shoda mezi kódovateli',
  oneCoder: 'Tato studie má méně než dva kódovatele, shodu tedy nelze spočítat.',
  coders: 'Kódovatelé: {{names}}',
  units: 'Porovnané odstavce',
  percentAgreement: 'Procentní shoda',
  kappa: 'Cohenova kappa',
  alpha: 'Krippendorffova alfa',
} satisfies Messages;
