/** English texts of the team view and the researcher's study pages. */
import type { Messages } from './messages';

export const enTeam = {
  title: 'Team view',
  scope: 'Unit',
  allUnits: 'All units',
  empty: 'No peer workers in this view.',
  scopeOrganization_one:
    'The whole organisation: {{count}} peer worker, assessed on {{date}}. Groups smaller than {{k}} are hidden.',
  scopeOrganization_other:
    'The whole organisation: {{count}} peer workers, assessed on {{date}}. Groups smaller than {{k}} are hidden.',
  scopeCaseload_one:
    'Your caseload: {{count}} peer worker, assessed on {{date}}. Groups smaller than {{k}} are hidden.',
  scopeCaseload_other:
    'Your caseload: {{count}} peer workers, assessed on {{date}}. Groups smaller than {{k}} are hidden.',
  overallCards: 'Recommendations across the view',
  unitCards: 'Recommendations for {{name}}',
  whatToDo: 'What to do',
  noCards: 'No recommendations for this group.',
  suppressed: 'Count hidden (small group)',
  workers_one: '{{count}} peer worker',
  workers_other: '{{count}} peer workers',
  prevalence: 'Conflicts and findings by setting',
  prevalenceHint:
    'Peer workers with each conflict (at least emerging) or finding. Counts under {{k}} are hidden, and so is any count that would reveal one.',
  row: 'Conflict or finding',
  total: 'Total',
  hidden: 'under {{k}}',
  reason: {
    small: 'Hidden: fewer than k people',
    complementary: 'Hidden so that a small count cannot be worked out',
  },
  chartAlt: 'Bar chart of the two conflicts by setting',
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
