import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha1, toHex } from './sha1';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sha1', () => {
  // FIPS 180-2 Appendix A test vectors (also RFC 3174 section 7.3).
  it('matches the FIPS 180 "abc" and two-block vectors', () => {
    expect(toHex(sha1(utf8('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(toHex(sha1(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
    expect(toHex(sha1(utf8('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });

  it('agrees with node:crypto on any input, including block-boundary lengths (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        return toHex(sha1(bytes)) === createHash('sha1').update(bytes).digest('hex');
      }),
    );
  });
});
