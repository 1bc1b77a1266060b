/** English texts of the study page's memos and sets (ADR 0044). */
import type { Messages } from './messages';

export const enStudyNotes = {
  title: 'Memos and sets',
  hint: 'Notes and sets kept from the imported REFI-QDA project. A code’s notes include its codings’ notes; a document’s include its passages’ and codings’ notes.',
  pseudonymized:
    'No notes kept (pseudonymised): a pseudonymised import leaves out notes and sets, which are free text that may name someone.',
  setFilter: 'Narrow to a set',
  wholeStudy: 'The whole study',
  noSets: 'The imported project has no sets.',
  filtered:
    'Filtered to the set “{{name}}”: the codes and documents below, the code co-occurrence and the inter-coder agreement show only its documents and codes. The participants’ profiles and prevalence are the whole study’s.',
  projectNotes: 'Project notes',
  projectNoteCount_one: 'The project has {{count}} note.',
  projectNoteCount_other: 'The project has {{count}} notes.',
  noProjectNotes: 'The project has no notes.',
  codes: 'Codes',
  documents: 'Documents',
  code: 'Code',
  document: 'Document',
  segments: 'Coded segments',
  notes: 'Notes',
  noCodes: 'No codes.',
  noDocuments: 'No documents.',
  showNotes: 'Show notes of {{name}}',
  hideNotes: 'Hide notes of {{name}}',
  noNotes: 'No notes.',
  untitled: 'Untitled note',
  noText: 'This note has no text.',
  author: 'by {{author}}',
  created: 'created {{date}}',
  target: {
    project: 'On the project',
    code: 'On the code {{code}}',
    document: 'On the document {{document}}',
    selection: 'On a passage of {{document}}',
    coding: 'On a coding with {{code}} in {{document}}',
  },
} satisfies Messages;
