/** Czech texts of the person's own account, mirroring `en-account.ts`. */
import type { Messages } from './messages';

export const csAccount = {
  title: 'Můj účet',
  invitation: '{{organization}} vás zve jako {{roles}}',
  accept: 'Přijmout',
  decline: 'Odmítnout',
  organization: 'Organizace, ve které pracujete',
  nameTitle: 'Vaše jméno',
  name: 'Zobrazované jméno',
  saveName: 'Uložit jméno',
  nameSaved: 'Jméno je uloženo. Dřívější auditní záznamy si ponechají jméno, které jste tehdy měli.',
  passwordTitle: 'Změna hesla',
  currentPassword: 'Současné heslo',
  newPassword: 'Nové heslo',
  newPasswordHint: 'Alespoň 15 znaků; nejsnáze se pamatuje fráze z několika slov.',
  savePassword: 'Změnit heslo',
  passwordSaved: 'Heslo je změněno. Všude jinde jste byli odhlášeni.',
} satisfies Messages;
