/** Czech texts of the supervisor's day: caseload by need, explanations, actions, next session, reminders. */
import type { Messages } from './messages';

export const csDay = {
  need: {
    col: 'Proč tady',
    sortNeed: 'Naléhavost',
    attentionOnly: 'Jen ti, kdo dnes potřebují pozornost',
    nothing: 'Nic zvláštního',
    summary_one: '{{count}} pracovník dnes potřebuje pozornost',
    summary_few: '{{count}} pracovníci dnes potřebují pozornost',
    summary_many: '{{count}} pracovníků dnes potřebuje pozornost',
    summary_other: '{{count}} pracovníků dnes potřebuje pozornost',
    summaryNone: 'Dnes nikdo nepotřebuje naléhavou pozornost.',
    summaryLabel: 'Kdo dnes potřebuje pozornost',
    due: 'Na řadě',
    nextSession: 'Příští supervize {{date}}',
    nextSessionLate: 'Příští supervize byla plánována na {{date}}',
  },
} satisfies Messages;
