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
  },
} satisfies Messages;
