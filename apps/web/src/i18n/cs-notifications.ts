/** České texty zvonku a přehledu oznámení (ADR 0037). */
import type { Messages } from './messages';

export const csNotifications = {
  bell_zero: 'Oznámení, žádné nepřečtené',
  bell_one: 'Oznámení, {{count}} nepřečtené',
  bell_few: 'Oznámení, {{count}} nepřečtená',
  bell_many: 'Oznámení, {{count}} nepřečtených',
  bell_other: 'Oznámení, {{count}} nepřečtených',
  title: 'Oznámení',
  empty: 'Nic nečeká na vaši pozornost',
  emptyHint: 'Objeví se tu splatná supervize, akce po termínu nebo konflikt, který zesílil na závažný.',
  unread: 'Nepřečtené',
  resolved: 'Vyřešeno {{date}}',
  markRead: 'Označit jako přečtené',
  markReadOf: 'Označit jako přečtené: {{name}}',
  markAll: 'Označit vše jako přečtené',
  kind: {
    supervision_due: 'Supervize je na řadě od {{date}}',
    action_overdue: 'Akce po termínu od {{date}}: {{title}}',
    conflict_severe: 'Závažný konflikt od {{date}}: {{conflict}}',
  },
} satisfies Messages;
