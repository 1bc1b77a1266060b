/** Which requests count as token requests: the Bearer scheme only (a proxy's Basic auth leaves sessions alone). */
import { describe, expect, it } from 'vitest';
import { bearerTokenOf, inTokenScope } from './api-tokens';

describe('bearer tokens on a request', () => {
  it('reads the Bearer scheme only', () => {
    const of = (value?: string) =>
      bearerTokenOf(new Headers(value === undefined ? {} : { authorization: value }));
    expect(of()).toBeNull();
    expect(of('Bearer pbt_abc')).toBe('pbt_abc');
    expect(of('bearer   pbt_abc  ')).toBe('pbt_abc');
    expect(of('Basic dXNlcjpwYXNz')).toBeNull();
    // A Bearer header with no usable token is still a token request (one that matches nothing).
    expect(of('Bearer ')).toBe('');
    expect(of('Bearer a b')).toBe('a b');
    expect(of('Bearerish pbt_abc')).toBeNull();
  });

  it('scopes a token to research procedures and routes', () => {
    expect(inTokenScope('research.studies')).toBe(true);
    expect(inTokenScope('/api/research/import')).toBe(true);
    for (const p of [
      'supervision.caseload',
      'tokens.create',
      'researchers.x',
      '/api/audit.csv',
      'account.me',
    ])
      expect(inTokenScope(p)).toBe(false);
  });
});
