/** Czech labels of every audit action code, mirroring `en-audit.ts`. */
import type { Messages } from './messages';

export const csAuditActions = {
  access: { refused: 'Přístup odmítnut' },
  action: { complete: 'Dokončil(a) úkol' },
  assignment: {
    create: 'Přidělil(a) supervizora',
    delete: 'Odebral(a) supervizora',
    self_assigned: 'Přidělil(a) sebe jako supervizora',
  },
  audit: { export: 'Exportoval(a) auditní záznam' },
  card: { accept: 'Přijal(a) doporučení', override: 'Nepřijal(a) doporučení' },
  caseload: { view: 'Zobrazil(a) přehled svěřených' },
  demo: { seed: 'Nahrál(a) ukázková data' },
  observation: { create: 'Zaznamenal(a) pozorování' },
  organization: { create: 'Založil(a) organizaci', update: 'Změnil(a) nastavení organizace' },
  session: {
    create: 'Zaznamenal(a) supervizi',
    amend: 'Opravil(a) záznam supervize',
    void: 'Zneplatnil(a) záznam supervize',
  },
  session_notes: { read: 'Četl(a) poznámky ze supervize' },
  study: { analyze: 'Analyzoval(a) studii', export: 'Exportoval(a) studii', import: 'Importoval(a) studii' },
  unit: { create: 'Přidal(a) oddělení', update: 'Změnil(a) oddělení' },
  unit_observation: { create: 'Zaznamenal(a) pozorování oddělení' },
  user: { create: 'Přidal(a) uživatele', roles: 'Změnil(a) role' },
  worker: { create: 'Přidal(a) peer pracovníka', update: 'Změnil(a) záznam peer pracovníka' },
  worker_record: { view: 'Zobrazil(a) záznam peer pracovníka' },
} satisfies Messages;

export const csAudit = {
  empty: 'Žádné události neodpovídají.',
  at: 'Kdy',
  who: 'Kdo',
  action: 'Akce',
  entity: 'Záznam',
  psw: 'Peer pracovník',
  details: 'Podrobnosti',
  older: 'Načíst další',
  filters: 'Filtry',
  person: 'Osoba',
  anyPerson: 'Kdokoli',
  anyPsw: 'Kterýkoli peer pracovník',
  actions: 'Akce',
  anyAction: 'Jakákoli akce',
  from: 'Od',
  to: 'Do',
  clear: 'Zrušit filtry',
  download: 'Stáhnout CSV',
  seenBy: 'Kdo viděl',
  seenByTitle: 'Kdo viděl záznam: {{name}}',
  seenByEmpty: 'Tento záznam zatím nikdo neotevřel.',
} satisfies Messages;
