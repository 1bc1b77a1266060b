/** English texts of the person's own account: invitations, name, password, organisation. */
import type { Messages } from './messages';

export const enAccount = {
  title: 'My account',
  invitation: '{{organization}} invites you as {{roles}}',
  accept: 'Accept',
  decline: 'Decline',
  organization: 'Organisation you are working in',
  nameTitle: 'Your name',
  name: 'Display name',
  saveName: 'Save name',
  nameSaved: 'Your name is saved. Past audit entries keep the name you had then.',
  passwordTitle: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordHint: 'At least 15 characters; a phrase of several words is easiest to remember.',
  savePassword: 'Change password',
  passwordSaved: 'Your password is changed. You were signed out everywhere else.',
} satisfies Messages;
