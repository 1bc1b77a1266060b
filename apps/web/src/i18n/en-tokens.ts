/** English texts of the account page's API tokens section (for the remote CLI, ADR 0021). */
import type { Messages } from './messages';

export const enTokens = {
  title: 'API tokens',
  intro:
    'A token lets the command line work with your studies on this server: `peerbridge login --server {{server}}`. It reaches research only: never supervision, administration or your account.',
  name: 'What the token is for',
  namePlaceholder: 'e.g. laptop',
  create: 'Create token',
  createdTitle: 'Copy your new token now',
  createdText:
    'It is shown only this once. Keep it like a password; revoke it here when you no longer need it.',
  copy: 'Copy',
  copied: 'Copied',
  empty: 'No tokens yet.',
  token: 'Token',
  created: 'Created',
  status: 'Status',
  active: 'Active',
  revoked: 'Revoked {{date}}',
  revoke: 'Revoke',
  revokeLabel: 'Revoke the token "{{name}}"',
} satisfies Messages;
