/**
 * The organisation the portal acts in for a person who is a member of several (ADR 0025): a cookie the
 * api reads on every request and honours only where the person is a member.
 */
export const ORGANIZATION_COOKIE = 'peerbridge.organization';

export function chooseOrganization(organizationId: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the api on each request.
  document.cookie = `${ORGANIZATION_COOKIE}=${encodeURIComponent(organizationId)}; path=/; max-age=31536000; samesite=lax`;
}
