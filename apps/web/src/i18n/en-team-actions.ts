/** English texts of team actions and the "was this recommendation useful" measure (ADR 0042). */
import type { Messages } from './messages';

export const enTeamActions = {
  accept: 'Accept for the team…',
  acceptFor: 'Accept “{{title}}” for the team',
  acceptTitle: 'Accept for the team: {{title}}',
  acceptIntro:
    'This becomes an action for {{group}}, owned by you. It names no peer worker and no numbers, only the recommendation and the month of the report.',
  organization: 'the whole organisation',
  team: 'the team of {{unit}}',
  openOnCard: 'Team action open: {{name}}, due {{date}}.',
  dueOn: 'Due date',
  submit: 'Add the action',
  failed: 'The action was not added',
  accepted: 'Added to the actions: {{title}}, due {{date}}.',
  openActions: 'Open the actions page',
  dueInvalid: 'Enter a due date.',
  duePast: 'The due date cannot be in the past.',
  listTitle: 'Team actions',
  listHint: 'Actions from the team view’s recommendations, for a unit’s team or the whole organisation.',
  empty: 'No team actions here.',
  col: { title: 'Action', for: 'For', owner: 'Owner', due: 'Due', status: 'Status' },
  fromReport: 'from the report for {{period}}',
  usefulness: {
    title: 'Was this recommendation useful?',
    hint: 'How the closed actions from each recommendation ended, for actions closed before {{date}}. A number is hidden when it is under {{k}}, or when it could be worked out from the totals shown.',
    card: 'Recommendation',
    total: 'Total',
    totals: 'All recommendations',
    export: 'Download CSV for research',
    exported: 'Downloaded {{file}}.',
    exportFailed: 'The CSV was not downloaded',
    reason: {
      small: 'Hidden: fewer than {{k}}',
      complementary: 'Hidden: it would give away a number under {{k}} through the totals',
    },
  },
} satisfies Messages;
