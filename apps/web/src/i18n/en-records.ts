/** English texts for honest supervision records: empty sessions, amendments, voids and their history. */
import type { Messages } from './messages';

export const enRecords = {
  nothingToRecord: 'Held, nothing to record',
  nothingToRecordHint: 'Tick this when the session took place but there is nothing to write down.',
  notes: {
    reveal: 'Show notes',
    revealHint: 'Private notes stay hidden until you open them; each opening is recorded in the audit log.',
    hidden: 'Hidden',
  },
  errors: {
    empty:
      'The session holds nothing. Answer a question, enter the minutes or notes, or tick “Held, nothing to record”.',
    nothingButContent: '“Held, nothing to record” cannot go together with answers or notes.',
  },
} satisfies Messages;
