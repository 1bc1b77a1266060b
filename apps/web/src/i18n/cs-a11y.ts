/** České texty přístupného a mobilního portálu: tabulky ke grafům, shrnutí na stránce PSW. */
import type { Messages } from './messages';

export const csA11y = {
  chart: {
    showTable: 'Zobrazit jako tabulku',
    hideTable: 'Skrýt tabulku',
    month: 'Měsíc',
  },
  glance: {
    title: 'Přehled',
    openActions_one: '{{count}} otevřený úkol',
    openActions_few: '{{count}} otevřené úkoly',
    openActions_many: '{{count}} otevřeného úkolu',
    openActions_other: '{{count}} otevřených úkolů',
  },
} satisfies Messages;
