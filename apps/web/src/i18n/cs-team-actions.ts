/** České texty týmových úkolů a míry „pomohlo toto doporučení?“ (ADR 0042). */
import type { Messages } from './messages';

export const csTeamActions = {
  accept: 'Přijmout pro tým…',
  acceptFor: 'Přijmout „{{title}}“ pro tým',
  acceptTitle: 'Přijmout pro tým: {{title}}',
  acceptIntro:
    'Vznikne úkol pro {{group}} a budete ho mít na starosti vy. Nejmenuje žádného peer pracovníka a neobsahuje žádná čísla, jen doporučení a měsíc přehledu.',
  organization: 'celou organizaci',
  team: 'tým oddělení {{unit}}',
  openOnCard: 'Týmový úkol je otevřený: {{name}}, termín {{date}}.',
  dueOn: 'Termín',
  submit: 'Přidat úkol',
  failed: 'Úkol se nepodařilo přidat',
  accepted: 'Přidáno mezi úkoly: {{title}}, termín {{date}}.',
  openActions: 'Otevřít stránku úkolů',
  dueInvalid: 'Zadejte termín.',
  duePast: 'Termín nemůže být v minulosti.',
  listTitle: 'Týmové úkoly',
  listHint: 'Úkoly z doporučení týmového přehledu, pro tým oddělení nebo pro celou organizaci.',
  empty: 'Žádné týmové úkoly.',
  col: { title: 'Úkol', for: 'Pro koho', owner: 'Odpovídá', due: 'Termín', status: 'Stav' },
  fromReport: 'z přehledu za {{period}}',
  usefulness: {
    title: 'Pomohlo toto doporučení?',
    hint: 'Jak skončily uzavřené úkoly z jednotlivých doporučení, u úkolů uzavřených před {{date}}. Číslo se neuvádí, je-li menší než {{k}} nebo dalo-li by se dopočítat z uvedených součtů.',
    card: 'Doporučení',
    total: 'Celkem',
    totals: 'Všechna doporučení',
    export: 'Stáhnout CSV pro výzkum',
    exported: 'Staženo: {{file}}.',
    exportFailed: 'CSV se nepodařilo stáhnout',
    reason: {
      small: 'Neuvádí se: méně než {{k}}',
      complementary: 'Neuvádí se: ze součtů by prozradilo číslo menší než {{k}}',
    },
  },
} satisfies Messages;
