/** English texts of the accessible and mobile portal: chart tables, the PSW page's summary. */
import type { Messages } from './messages';

export const enA11y = {
  chart: {
    showTable: 'Show as a table',
    hideTable: 'Hide the table',
    month: 'Month',
  },
  glance: {
    title: 'At a glance',
    openActions_one: '{{count}} open action',
    openActions_other: '{{count}} open actions',
  },
} satisfies Messages;
