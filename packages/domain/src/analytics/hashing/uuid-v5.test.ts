import { describe, expect, it } from 'vitest';
import { isUuid, uuidV5 } from './uuid-v5';

// RFC 9562 / RFC 4122 DNS namespace.
const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('gives the well-known v5 of www.example.com in the DNS namespace', () => {
    // RFC 9562 Appendix A.4 ("Example of a UUIDv5 Value"); also Python's uuid docs example.
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('sets the version 5 nibble and the RFC variant bits', () => {
    const id = uuidV5('www.example.com', DNS);
    expect(id[14]).toBe('5');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(isUuid(id)).toBe(true);
  });

  it('is stable and depends on name and namespace', () => {
    expect(uuidV5('friend', DNS)).toBe(uuidV5('friend', DNS));
    expect(uuidV5('friend', DNS)).not.toBe(uuidV5('friends', DNS));
    expect(uuidV5('friend', DNS)).not.toBe(uuidV5('friend', '6ba7b811-9dad-11d1-80b4-00c04fd430c8'));
  });

  it('reads the namespace whatever its case', () => {
    expect(uuidV5('www.example.com', DNS.toUpperCase())).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(/namespace: expected a namespace UUID/);
  });
});
