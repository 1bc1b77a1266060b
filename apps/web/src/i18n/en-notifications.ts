/** English texts of the notification bell and centre (ADR 0037). */
import type { Messages } from './messages';

export const enNotifications = {
  bell_zero: 'Notifications, none unread',
  bell_one: 'Notifications, {{count}} unread',
  bell_other: 'Notifications, {{count}} unread',
  title: 'Notifications',
  empty: 'Nothing needs your attention',
  emptyHint: 'Supervision due, an overdue action or a conflict turned severe will show here.',
  unread: 'Unread',
  resolved: 'Resolved on {{date}}',
  markRead: 'Mark read',
  markReadOf: 'Mark read: {{name}}',
  markAll: 'Mark all read',
  kind: {
    supervision_due: 'Supervision due since {{date}}',
    action_overdue: 'Action overdue since {{date}}: {{title}}',
    conflict_severe: 'Severe conflict since {{date}}: {{conflict}}',
  },
} satisfies Messages;
