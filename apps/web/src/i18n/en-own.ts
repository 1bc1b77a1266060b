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
  pictureHint: 'The same explanation your supervisor reads, as of {{date}}.',
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
