/** Czech texts of the account page's API tokens section, mirroring `en-tokens.ts`. */
import type { Messages } from './messages';

export const csTokens = {
  title: 'Tokeny API',
  intro:
    'Token umožní příkazové řádce pracovat s vašimi studiemi na tomto serveru: `peerbridge login --server {{server}}`. Dosáhne jen na výzkum: nikdy na supervizi, správu ani váš účet.',
  name: 'K čemu token slouží',
  namePlaceholder: 'např. notebook',
  create: 'Vytvořit token',
  createdTitle: 'Zkopírujte si nový token hned teď',
  createdText: 'Zobrazí se jen tentokrát. Chraňte ho jako heslo; až ho nebudete potřebovat, zrušte ho zde.',
  copy: 'Kopírovat',
  copied: 'Zkopírováno',
  empty: 'Zatím žádné tokeny.',
  token: 'Token',
  created: 'Vytvořen',
  status: 'Stav',
  active: 'Platný',
  revoked: 'Zrušen {{date}}',
  revoke: 'Zrušit',
  revokeLabel: 'Zrušit token „{{name}}“',
} satisfies Messages;
