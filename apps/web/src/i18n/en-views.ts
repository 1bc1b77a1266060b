/** English texts of the team view and the researcher's study pages. */
import type { Messages } from './messages';

export const enTeam = {
  title: 'Team view',
  scope: 'Unit',
  period: 'Month',
  allUnits: 'All units',
  empty: 'No peer workers in this view.',
  notPublished:
    'No monthly report has been published yet. The first is published after the first month with peer workers ends.',
  scopeOrganization_one:
    'The whole organisation, report for {{period}}: {{count}} peer worker, data up to {{date}}. Membership is fixed for the month, so changes made now appear in next month’s report. Counts that could single someone out (groups under {{k}}, or fewer than {{k}} on either side) are hidden.',
  scopeOrganization_other:
    'The whole organisation, report for {{period}}: {{count}} peer workers, data up to {{date}}. Membership is fixed for the month, so changes made now appear in next month’s report. Counts that could single someone out (groups under {{k}}, or fewer than {{k}} on either side) are hidden.',
  scopeCaseload_one:
    'Your caseload, report for {{period}}: {{count}} peer worker, data up to {{date}}. Your caseload page shows each person as of today; this report is fixed for the month. Counts that could single someone out are hidden (k = {{k}}).',
  scopeCaseload_other:
    'Your caseload, report for {{period}}: {{count}} peer workers, data up to {{date}}. Your caseload page shows each person as of today; this report is fixed for the month. Counts that could single someone out are hidden (k = {{k}}).',
  overallCards: 'Recommendations across the view',
  unitCards: 'Recommendations for {{name}}',
  whatToDo: 'What to do',
  noCards: 'No recommendations for this group.',
  tone: { some: 'Applies', none: 'No one', hidden: 'Hidden' },
  workers_one: '{{count}} peer worker',
  workers_other: '{{count}} peer workers',
  prevalence: 'Conflicts and findings by setting',
  prevalenceHint:
    'Peer workers with each conflict (at least emerging) or finding, out of the peer workers in the group. A count is hidden when the group has fewer than {{k}} peer workers, when fewer than {{k}} are on either side, or when it could be worked out from the numbers shown.',
  row: 'Conflict or finding',
  total: 'Total',
  hidden: 'hidden',
  reason: {
    small: 'Hidden: the group has fewer than {{k}} peer workers',
    complementary: 'Hidden: the number, or one it would give away, could single someone out',
  },
  heatmap: 'Units at a glance',
  heatmapHint:
    'Unit conditions are facts about the unit and are shown in full (– means not recorded). Shaded cells: the share of the unit’s peer workers; striped cells are hidden, not zero.',
  unit: 'Unit',
  supervised: 'Had supervision',
  yes: 'Yes',
  no: 'No',
  trend: 'The last six months',
  trendHint:
    'Unit conditions met (of those recorded) and how many peer workers had supervision in each month.',
  conditionsMet: '{{met}} of {{known}} conditions met',
  supervisedOf: '{{count}} of {{total}} had supervision',
} satisfies Messages;

export const enResearch = {
  title: 'Studies',
  empty: 'No studies yet',
  emptyHint: 'Import a REFI-QDA project with the command line (peerbridge import) and it appears here.',
  study: 'Study',
  imported: 'Imported',
  participants: 'Participants',
  documents: 'Documents',
  segments: 'Coded segments',
  cohortNote_one:
    '{{count}} participant, assessed on {{date}} with ruleset {{ruleset}}. Participants are shown under the labels they were imported with, visible only to you as the study’s owner.',
  cohortNote_other:
    '{{count}} participants, assessed on {{date}} with ruleset {{ruleset}}. Participants are shown under the labels they were imported with, visible only to you as the study’s owner.',
  profiles: 'Participants’ role profiles',
  participant: 'Participant',
  originalLabel: 'Label as imported',
  setting: 'Setting',
  prevalence: 'Role and conflict prevalence by setting',
  prevalenceHint:
    'A role counts as enacted at {{threshold}} or more, a conflict from emerging up; shown as count / participants with a known value.',
  overall: 'Overall',
  coOccurrence: 'Code co-occurrence',
  coOccurrenceHint:
    'c-coefficient = n12 / (n1 + n2 − n12): 0 means the codes never overlap, 1 that they always do.',
  noCoOccurrence: 'No overlapping codes.',
  code: 'Code',
  pairTitle: '{{a}} and {{b}}: {{n}} overlaps, c = {{c}}',
  agreement: 'Inter-coder agreement',
  oneCoder: 'This study has fewer than two coders, so there is no agreement to compute.',
  coders: 'Coders: {{names}}',
  units: 'Paragraphs compared',
  percentAgreement: 'Percent agreement',
  kappa: 'Cohen’s kappa',
  alpha: 'Krippendorff’s alpha',
} satisfies Messages;
