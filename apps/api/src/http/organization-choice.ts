/**
 * Which organisation a request acts in, for a person who is a member of several (ADR 0025): the portal
 * stores the choice in the `peerbridge.organization` cookie (a preference, not a credential; the
 * services use it only where the person is a member, otherwise the organisation they joined first).
 * A cookie, not a header, so plain downloads such as the audit CSV act in the same organisation.
 */
export const ORGANIZATION_COOKIE = 'peerbridge.organization';

export function requestedOrganizationOf(headers: Headers): string | null {
  const cookie = headers.get('cookie');
  if (!cookie) return null;
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === ORGANIZATION_COOKIE) {
      const id = decodeURIComponent(value.join('='));
      return id.length > 0 && id.length <= 100 ? id : null;
    }
  }
  return null;
}
