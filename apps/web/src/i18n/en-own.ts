/** English texts of the peer worker's own pages (ADR 0031): their record, the invitation code, the admin's invite. */
import type { Messages } from './messages';

export const enOwn = {
  title: 'My record',
  intro:
    'What is recorded about you in {{organization}}. Your supervisor’s private notes are not shown here.',
  sessions: 'My supervision sessions',
  noSessions: 'No sessions are recorded yet.',
  minutes: '{{count}} min',
  summary: 'Summary shared with you',
  noSummary: 'Your supervisor shared no summary of this session.',
  voided: 'Withdrawn',
  actions: 'Agreed actions',
  noActions: 'No actions are agreed yet.',
  due: 'Due {{date}}',
  done: 'Done {{date}}',
  open: 'Open',
  forYou: 'For you to do',
  markDone: 'Mark done',
  markDoneFor: 'Mark “{{title}}” done',
  reopen: 'Reopen',
  reopenFor: 'Reopen “{{title}}”',
  picture: 'How your roles and their pressures look now',
  pictureHint: 'Written to you, from the same facts your supervisor reads, as of {{date}}.',
  howDecided: 'How the model decided',
  supervisorLevel: 'Your supervisor’s page shows:',
  download: 'Download my record (JSON)',
  downloaded: 'Your record was saved as {{file}}.',
  comment: 'Your comment on this summary',
  commentHint: 'Your supervisor reads it with the session.',
  sendComment: 'Send comment',
  yourComment: 'You commented {{date}}',
  sharedWithPeer: 'Shared with the peer worker',
  peerCommented: 'Peer worker’s comment, {{date}}',
} satisfies Messages;

export const enWelcome = {
  title: 'Set your password',
  subtitle: 'Enter the code you were given and choose a password for your own PeerBridge account.',
  code: 'Invitation code',
  codeRequired: 'Enter the code you were given.',
  password: 'New password',
  passwordHint: 'At least 15 characters; a phrase of several words is easiest to remember.',
  submit: 'Set password',
  done: 'Your password is set. Sign in with {{email}}.',
  signIn: 'Go to sign-in',
} satisfies Messages;

export const enInvitePeer = {
  title: 'Invite a peer worker to their own account',
  worker: 'Peer worker',
  name: 'Their name',
  email: 'Their e-mail',
  submit: 'Create invitation',
  codeTitle: 'Give this code to {{name}}, in person or by phone',
  codeHint: 'It works once, until {{date}}. It is shown only now; inviting again makes a new one.',
  link: 'Or send this link',
} satisfies Messages;

/** The check-in before supervision (ADR 0039): one question at a time, each skippable, each shared or kept. */
export const enCheckIn = {
  title: 'Check-in before supervision',
  start: 'Check in before supervision',
  startHint: 'A few short questions, about 3 minutes. Skip any you like.',
  intro:
    'One question at a time. Skip any you like: a skipped question is simply not known. For each answer you decide whether your supervisor sees it.',
  progress: 'Question {{n}} of {{total}}',
  privateTopic: 'Private topic',
  privateHint: 'Only you decide whether anyone else sees this answer.',
  countHint: 'A count since your last check-in',
  yes: 'Yes',
  no: 'No',
  answer: 'Your answer',
  who: 'Who sees this answer',
  share: 'Share with my supervisor',
  keep: 'Keep for myself',
  skip: 'Skip',
  back: 'Back',
  next: 'Next',
  finish: 'Finish now',
  reviewTitle: 'Ready to send',
  review:
    'You answered {{answered}} of {{total}} questions: {{shared}} go to your supervisor, {{kept}} stay with you.',
  nothing: 'You have not answered any question yet. Go back and answer at least one, or come back later.',
  send: 'Send my check-in',
  doneTitle: 'Thank you',
  done: 'Your check-in is saved. Your supervisor sees only the answers you chose to share.',
  supportTitle: 'Take care of yourself',
  support:
    'It sounds like a lot is on your shoulders right now. You do not have to carry it alone. If it would help to talk to someone, they are there for you:',
  supportNoContacts:
    'If it would help to talk to someone, reach out to a person you trust, or to your doctor.',
  call: 'Call {{phone}}',
  backToRecord: 'Back to my record',
  burnout: {
    kept: 'Kept for yourself',
    keptHint:
      'These questions are for you alone. Your answers are never shared with your supervisor and never counted in any report, assessment or export.',
    personalTitle: 'How you have been lately',
    workTitle: 'How your work is for you',
    leaveOut: 'Leave out any question you prefer not to answer.',
    clear: 'Clear this answer',
    responses: {
      never: 'Never',
      seldom: 'Seldom',
      sometimes: 'Sometimes',
      often: 'Often',
      always: 'Always',
    },
  },
  reviewBurnout_one: 'You answered {{count}} question just for you: it stays with you.',
  reviewBurnout_other: 'You answered {{count}} questions just for you: they stay with you.',
  errors: {
    choose: 'Choose whether to share this answer or keep it for yourself.',
    count: 'Enter a whole number from 0 to 744.',
  },
} satisfies Messages;

/** The PSW's own check-ins on their record (ADR 0040): the list, each answer shared or kept, and the trend. */
export const enOwnCheckIns = {
  title: 'My check-ins',
  hint: 'Every answer you gave, newest first. Answers you kept for yourself are seen by no one but you, and only here.',
  none: 'You have not checked in yet.',
  on: 'Check-in of {{date}}',
  noAnswers: 'No check-in question was answered this time.',
  shared: 'Shared with your supervisor',
  kept: 'Kept for yourself',
  trendTitle: 'How my answers moved',
  trendHint_one: 'Your last check-in. Only you see this.',
  trendHint_other: 'Your last {{count}} check-ins, oldest first. Only you see this.',
  trendEmpty: 'Once you have answered a check-in, you can see here how your answers move over time.',
  question: 'Question',
  notAnswered: 'not answered',
  moved: '{{first}} → {{last}}',
  burnoutTitle: 'Questions just for you',
  burnoutHint_one: 'From your last check-in with these questions. No one else sees these answers.',
  burnoutHint_other:
    'From your last {{count}} check-ins with these questions, oldest first. No one else sees these answers.',
  burnoutPersonal:
    'Your answers on the questions about how you have been lately, 0 = never, 100 = always: {{values}}',
  burnoutWork: 'Your answers on the work-related questions, 0 = never, 100 = always: {{values}}',
  burnoutTooFew: 'You answered a few of the questions just for you, too few to sum up.',
} satisfies Messages;

/** The printable page of the own record (ADR 0040). */
export const enOwnPrint = {
  open: 'Printable page',
  title: 'My record: {{name}}',
  printed: 'Printed {{date}} · {{unit}}',
  print: 'Print',
  back: 'Back to my record',
  notesNever:
    'Only the summaries your supervisor shared with you are here; their private notes are not part of your record pages.',
} satisfies Messages;
