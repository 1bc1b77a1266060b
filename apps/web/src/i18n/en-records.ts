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
    reason: 'Give a reason of at least 3 visible characters.',
    heldOnInvalid: 'Enter a date.',
    heldOnFuture: 'The date cannot be in the future.',
    minutes: 'Enter whole minutes from 0 to 1440.',
  },
  change: {
    amend: 'Amend',
    void: 'Void',
    amendTitle: 'Amend the session of {{date}}',
    voidTitle: 'Void the session of {{date}}',
    reason: 'Reason',
    amendReasonHint: 'Why the record is changed. The original stays in the history.',
    voidReasonHint:
      'Why the session is withdrawn. It stays listed as voided and no longer counts as evidence.',
    notesKept: 'The notes stay as they are. Show notes first to change them.',
    observationsKept: 'The check-in answers of this session stay as they are.',
    saveAmend: 'Save amendment',
    confirmVoid: 'Void session',
    cancel: 'Cancel',
    voided: 'Voided',
    voidedBy: 'Voided by {{name}} on {{date}}: {{reason}}',
  },
  history: {
    show_one: 'History ({{count}} change)',
    show_other: 'History ({{count}} changes)',
    amend: 'Revision {{revision}} amended by {{name}} on {{date}}',
    void: 'Revision {{revision}} voided by {{name}} on {{date}}',
    reason: 'Reason: {{reason}}',
    previous: 'Before: {{date}}, {{kind}}, {{minutes}} min, {{count}} answers',
    previousNotes: 'Notes before',
    none: 'No changes.',
  },
} satisfies Messages;
