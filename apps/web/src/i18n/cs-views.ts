/** Czech texts of the team view and the researcher's study pages. */
import type { Messages } from './messages';

export const csTeam = {
  title: 'Přehled týmu',
  scope: 'Pracoviště',
  period: 'Měsíc',
  allUnits: 'Všechna pracoviště',
  empty: 'V tomto přehledu nejsou žádní peer pracovníci.',
  notPublished:
    'Zatím nebyla zveřejněna žádná měsíční zpráva. První vyjde po skončení prvního měsíce s peer pracovníky.',
  scopeOrganization_one:
    'Celá organizace, zpráva za {{period}}: {{count}} peer pracovník, data do {{date}}. Složení je pro měsíc pevné, změny provedené teď se projeví ve zprávě za příští měsíc. Počty, které by mohly prozradit konkrétního člověka (skupiny pod {{k}} nebo méně než {{k}} na jedné straně), jsou skryté.',
  scopeOrganization_few:
    'Celá organizace, zpráva za {{period}}: {{count}} peer pracovníci, data do {{date}}. Složení je pro měsíc pevné, změny provedené teď se projeví ve zprávě za příští měsíc. Počty, které by mohly prozradit konkrétního člověka (skupiny pod {{k}} nebo méně než {{k}} na jedné straně), jsou skryté.',
  scopeOrganization_many:
    'Celá organizace, zpráva za {{period}}: {{count}} peer pracovníků, data do {{date}}. Složení je pro měsíc pevné, změny provedené teď se projeví ve zprávě za příští měsíc. Počty, které by mohly prozradit konkrétního člověka (skupiny pod {{k}} nebo méně než {{k}} na jedné straně), jsou skryté.',
  scopeOrganization_other:
    'Celá organizace, zpráva za {{period}}: {{count}} peer pracovníků, data do {{date}}. Složení je pro měsíc pevné, změny provedené teď se projeví ve zprávě za příští měsíc. Počty, které by mohly prozradit konkrétního člověka (skupiny pod {{k}} nebo méně než {{k}} na jedné straně), jsou skryté.',
  scopeCaseload_one:
    'Vaši pracovníci, zpráva za {{period}}: {{count}} peer pracovník, data do {{date}}. Stránka Vaši pracovníci ukazuje každého k dnešku; tato zpráva je pro měsíc pevná. Počty, které by mohly prozradit konkrétního člověka, jsou skryté (k = {{k}}).',
  scopeCaseload_few:
    'Vaši pracovníci, zpráva za {{period}}: {{count}} peer pracovníci, data do {{date}}. Stránka Vaši pracovníci ukazuje každého k dnešku; tato zpráva je pro měsíc pevná. Počty, které by mohly prozradit konkrétního člověka, jsou skryté (k = {{k}}).',
  scopeCaseload_many:
    'Vaši pracovníci, zpráva za {{period}}: {{count}} peer pracovníků, data do {{date}}. Stránka Vaši pracovníci ukazuje každého k dnešku; tato zpráva je pro měsíc pevná. Počty, které by mohly prozradit konkrétního člověka, jsou skryté (k = {{k}}).',
  scopeCaseload_other:
    'Vaši pracovníci, zpráva za {{period}}: {{count}} peer pracovníků, data do {{date}}. Stránka Vaši pracovníci ukazuje každého k dnešku; tato zpráva je pro měsíc pevná. Počty, které by mohly prozradit konkrétního člověka, jsou skryté (k = {{k}}).',
  overallCards: 'Doporučení za celý přehled',
  unitCards: 'Doporučení pro {{name}}',
  whatToDo: 'Co dělat',
  noCards: 'Pro tuto skupinu nejsou žádná doporučení.',
  tone: { some: 'Týká se', none: 'Nikoho', hidden: 'Skryto' },
  workers_one: '{{count}} peer pracovník',
  workers_few: '{{count}} peer pracovníci',
  workers_many: '{{count}} peer pracovníků',
  workers_other: '{{count}} peer pracovníků',
  prevalence: 'Konflikty a zjištění podle typu služby',
  prevalenceHint:
    'Peer pracovníci s daným konfliktem (alespoň počínajícím) nebo zjištěním, z peer pracovníků skupiny. Počet je skrytý, když má skupina méně než {{k}} peer pracovníků, když je na jedné straně méně než {{k}}, nebo když by se dal dopočítat z ukázaných čísel.',
  row: 'Konflikt nebo zjištění',
  total: 'Celkem',
  hidden: 'skryto',
  reason: {
    small: 'Skryto: skupina má méně než {{k}} peer pracovníků',
    complementary: 'Skryto: číslo, nebo jiné, které by prozradilo, by mohlo ukázat na konkrétního člověka',
  },
  heatmap: 'Pracoviště v přehledu',
  heatmapHint:
    'Podmínky pracoviště jsou fakta o pracovišti a ukazují se celé (– znamená nezaznamenáno). Podbarvení: podíl peer pracovníků pracoviště; šrafované buňky jsou skryté, ne nulové.',
  unit: 'Pracoviště',
  supervised: 'Měli supervizi',
  yes: 'Ano',
  no: 'Ne',
  trend: 'Posledních šest měsíců',
  trendHint:
    'Splněné podmínky pracoviště (ze zaznamenaných) a kolik peer pracovníků mělo v daném měsíci supervizi.',
  conditionsMet: 'splněno {{met}} z {{known}} podmínek',
  supervisedOf: 'supervizi mělo {{count}} z {{total}}',
} satisfies Messages;

export const csResearch = {
  title: 'Studie',
  empty: 'Zatím žádné studie',
  emptyHint:
    'Importujte zde projekt REFI-QDA, tabulku CSV nebo export JSON (nebo příkazem peerbridge import) a objeví se v tomto seznamu.',
  importStudy: 'Importovat studii',
  import: {
    title: 'Import studie',
    intro:
      'Nahrajte projekt REFI-QDA (.qdpx, .qde), tabulku CSV, export PeerBridge JSON nebo přepis rozhovoru (.txt, .docx). Nejdřív uvidíte, co by se importovalo; nic se neuloží, dokud import nepotvrdíte.',
    studyName: 'Studie',
    studyNameHint: 'Nový název založí studii; název některé z vašich studií do ní soubor přidá.',
    file: 'Soubor',
    filePlaceholder: 'Vyberte soubor .qdpx, .qde, .csv, .json, .txt nebo .docx',
    clearFile: 'Odebrat vybraný soubor',
    upload: 'Nahrát a zobrazit náhled',
    progress: 'Průběh nahrávání',
    uploading: 'Nahrávání: {{percent}} %',
    checking: 'Nahráno; kontroluje se soubor…',
    failed: 'Soubor nebyl přijat',
    preview: 'Náhled importu {{file}} do „{{study}}“',
    newStudy: 'Potvrzení import založí tuto studii.',
    existingStudy: 'Potvrzení přidá data do vaší existující studie.',
    alreadyImported: 'Tento soubor už ve studii je (importován {{date}}); není co potvrdit.',
    table: 'Tabulka',
    rows: 'Řádky k zápisu',
    tables: {
      participant: 'Účastníci',
      document: 'Dokumenty',
      code: 'Kódy',
      coded_segment: 'Kódované úseky',
      study_observation: 'Pozorování',
    },
    offsets: 'Rozhodnutí o pozicích',
    noConvention: 'žádná konvence nesedí',
    ambiguous: 'nejednoznačné, zkontrolujte',
    warnings: 'Upozornění',
    noWarnings: 'Žádná upozornění.',
    unmapped: 'Nepřiřazené kódy',
    unmappedHint:
      'Tyto kódy zatím neodpovídají žádnému indikátoru, takže jejich úseky nedávají pozorování. Vyberte indikátor pro kterýkoli z nich a zobrazte náhled znovu; při potvrzení se vaše volba uloží jako mapování studie.',
    stillUnmapped_one: 'V tomto náhledu je {{count}} nepřiřazený kód.',
    stillUnmapped_few: 'V tomto náhledu jsou {{count}} nepřiřazené kódy.',
    stillUnmapped_many: 'V tomto náhledu je {{count}} nepřiřazeného kódu.',
    stillUnmapped_other: 'V tomto náhledu je {{count}} nepřiřazených kódů.',
    noUnmapped: 'Každý kód odpovídá nějakému indikátoru.',
    indicator: 'Indikátor',
    indicatorFor: 'Indikátor pro {{code}}',
    noIndicator: 'Ponechat nepřiřazený',
    applyMapping: 'Náhled s tímto mapováním',
    commit: 'Potvrdit import',
    discard: 'Zahodit nahraný soubor',
  },
  downloads: {
    title: 'Ke stažení',
    pseudonymize: 'Pseudonymizovat',
    pseudonymizeHint:
      'Jména se nahradí klíčovanými pseudonymy, zůstanou jen povolené proměnné a známá jména v textech se začerní. Vyberte soubor s klíčem; odešle se se stahováním a nikde se neukládá.',
    keyFile: 'Soubor s klíčem',
    keyFilePlaceholder: 'Vyberte soubor s klíčem',
    clearKey: 'Odebrat soubor s klíčem',
    needKey: 'Pro pseudonymizované exporty vyberte soubor s klíčem.',
    json: 'Studie JSON',
    csvSegments: 'CSV: úseky',
    csvParticipants: 'CSV: účastníci',
    csvCodes: 'CSV: kódy',
    qdpx: 'REFI-QDA (.qdpx)',
    failed: 'Stažení se nepodařilo',
  },
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
