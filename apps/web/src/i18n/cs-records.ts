/** České texty k poctivým záznamům supervize: prázdná setkání, opravy, zneplatnění a jejich historie. */
import type { Messages } from './messages';

export const csRecords = {
  nothingToRecord: 'Proběhlo, není co zapsat',
  nothingToRecordHint: 'Zaškrtněte, pokud setkání proběhlo, ale není z něj co zapsat.',
  notes: {
    reveal: 'Zobrazit poznámky',
    revealHint:
      'Soukromé poznámky zůstávají skryté, dokud je neotevřete; každé otevření se zapíše do auditního záznamu.',
    hidden: 'Skryto',
  },
  errors: {
    empty:
      'Setkání nic neobsahuje. Odpovězte na otázku, vyplňte minuty nebo poznámky, nebo zaškrtněte „Proběhlo, není co zapsat“.',
    nothingButContent: 'Volbu „Proběhlo, není co zapsat“ nelze spojit s odpověďmi ani s poznámkami.',
    reason: 'Uveďte důvod alespoň o 3 viditelných znacích.',
    heldOnInvalid: 'Zadejte datum.',
    heldOnFuture: 'Datum nemůže být v budoucnosti.',
    minutes: 'Zadejte celé minuty od 0 do 1440.',
  },
  change: {
    amend: 'Opravit',
    void: 'Zneplatnit',
    amendTitle: 'Oprava setkání ze dne {{date}}',
    voidTitle: 'Zneplatnění setkání ze dne {{date}}',
    reason: 'Důvod',
    amendReasonHint: 'Proč se záznam mění. Původní znění zůstává v historii.',
    voidReasonHint:
      'Proč se setkání ruší. Zůstane v seznamu jako zneplatněné a přestane se počítat jako podklad.',
    notesKept: 'Poznámky zůstanou beze změny. Chcete-li je upravit, nejprve je zobrazte.',
    observationsKept: 'Odpovědi z tohoto setkání zůstanou beze změny.',
    saveAmend: 'Uložit opravu',
    confirmVoid: 'Zneplatnit setkání',
    cancel: 'Zrušit',
    voided: 'Zneplatněno',
    voidedBy: 'Zneplatnil(a) {{name}} dne {{date}}: {{reason}}',
  },
  history: {
    show_one: 'Historie ({{count}} změna)',
    show_few: 'Historie ({{count}} změny)',
    show_many: 'Historie ({{count}} změn)',
    show_other: 'Historie ({{count}} změn)',
    amend: 'Verzi {{revision}} opravil(a) {{name}} dne {{date}}',
    void: 'Verzi {{revision}} zneplatnil(a) {{name}} dne {{date}}',
    reason: 'Důvod: {{reason}}',
    previous: 'Předtím: {{date}}, {{kind}}, {{minutes}} min, odpovědí: {{count}}',
    previousNotes: 'Poznámky předtím',
    none: 'Beze změn.',
  },
} satisfies Messages;
