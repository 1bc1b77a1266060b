/** English texts of the supervisor's day: caseload by need, explanations, actions, next session, reminders. */
import type { Messages } from './messages';

export const enDay = {
  need: {
    col: 'Why here',
    sortNeed: 'Need',
    attentionOnly: 'Only those who need attention today',
    nothing: 'Nothing stands out',
    summary_one: '{{count}} needs attention today',
    summary_other: '{{count}} need attention today',
    summaryNone: 'Nobody needs urgent attention today.',
    summaryLabel: 'Who needs attention today',
    due: 'Due',
    nextSession: 'Next session {{date}}',
    nextSessionLate: 'Next session was planned for {{date}}',
  },
} satisfies Messages;
