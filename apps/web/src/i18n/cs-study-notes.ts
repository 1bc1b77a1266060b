/** České texty poznámek a sad na stránce studie (ADR 0044). */
import type { Messages } from './messages';

export const csStudyNotes = {
  title: 'Poznámky a sady',
  hint: 'Poznámky a sady převzaté z importovaného projektu REFI-QDA. K poznámkám kódu patří i poznámky k jeho kódováním, k poznámkám dokumentu i poznámky k jeho úsekům a kódováním.',
  pseudonymized:
    'Žádné poznámky se neuchovaly (pseudonymizováno): pseudonymizovaný import vynechává poznámky a sady, protože jde o volný text, který může někoho jmenovat.',
  setFilter: 'Zúžit na sadu',
  wholeStudy: 'Celá studie',
  noSets: 'Importovaný projekt nemá žádné sady.',
  filtered:
    'Zúženo na sadu „{{name}}“: kódy a dokumenty níže, společný výskyt kódů i shoda mezi kodéry ukazují jen její dokumenty a kódy. Profily účastníků a prevalence platí pro celou studii.',
  projectNotes: 'Poznámky k projektu',
  projectNoteCount_one: 'Projekt má {{count}} poznámku.',
  projectNoteCount_few: 'Projekt má {{count}} poznámky.',
  projectNoteCount_many: 'Projekt má {{count}} poznámky.',
  projectNoteCount_other: 'Projekt má {{count}} poznámek.',
  noProjectNotes: 'Projekt nemá žádné poznámky.',
  codes: 'Kódy',
  documents: 'Dokumenty',
  code: 'Kód',
  document: 'Dokument',
  segments: 'Kódované úseky',
  notes: 'Poznámky',
  noCodes: 'Žádné kódy.',
  noDocuments: 'Žádné dokumenty.',
  showNotes: 'Zobrazit poznámky: {{name}}',
  hideNotes: 'Skrýt poznámky: {{name}}',
  noNotes: 'Žádné poznámky.',
  untitled: 'Poznámka bez názvu',
  noText: 'Tato poznámka nemá text.',
  author: 'autor: {{author}}',
  created: 'vytvořeno {{date}}',
  target: {
    project: 'K projektu',
    code: 'Ke kódu {{code}}',
    document: 'K dokumentu {{document}}',
    selection: 'K úseku z dokumentu {{document}}',
    coding: 'Ke kódování kódem {{code}} v dokumentu {{document}}',
  },
} satisfies Messages;
