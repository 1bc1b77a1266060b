import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import { hmacSha256Hex, pseudonymize } from './pseudonymize';

const bytes = (length: number, fill: number) => new Uint8Array(length).fill(fill);

// RFC 4231 "Identifiers and Test Vectors for HMAC-SHA-224, HMAC-SHA-256, HMAC-SHA-384, and
// HMAC-SHA-512", section 4: the HMAC-SHA-256 results of test cases 1, 2 and 6.
describe('HMAC-SHA-256 (RFC 4231 vectors)', () => {
  it('test case 1: 20-byte key of 0x0b, "Hi There"', async () => {
    expect(await hmacSha256Hex(bytes(20, 0x0b), 'Hi There')).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
  });

  it('test case 2: key "Jefe", "what do ya want for nothing?" (through pseudonymize)', async () => {
    expect(await pseudonymize('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('test case 6: 131-byte key of 0xaa (longer than a block)', async () => {
    expect(
      await pseudonymize(bytes(131, 0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First'),
    ).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
  });
});

describe('pseudonymize', () => {
  it('is stable for one key and differs between keys', async () => {
    const a = await pseudonymize('key-one-with-enough-bytes-000000', 'participant-07');
    expect(await pseudonymize('key-one-with-enough-bytes-000000', 'participant-07')).toBe(a);
    expect(await pseudonymize('key-two-with-enough-bytes-000000', 'participant-07')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects an empty key and a non-string value', async () => {
    await expect(pseudonymize('', 'x')).rejects.toBeInstanceOf(DomainValidationError);
    await expect(pseudonymize('k', 42 as unknown as string)).rejects.toThrow(/expected a string/);
  });
});
