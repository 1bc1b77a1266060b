/** Name-based UUIDs, version 5 (RFC 9562 section 5.5): the same name in the same namespace gives the same UUID. */
import { z } from 'zod';
import { parseInput } from '../../errors';
import { sha1, toHex } from './sha1';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `s` is written as a UUID (8-4-4-4-12 hex digits). */
export function isUuid(s: string): boolean {
  return uuidPattern.test(s);
}

const argsSchema = z.object({
  name: z.string({ message: 'expected a string name' }),
  namespace: z.string().refine(isUuid, { message: 'expected a namespace UUID like 8-4-4-4-12 hex digits' }),
});

/** The UUID v5 of `name` (UTF-8) in the namespace UUID `namespace`, lowercase. */
export function uuidV5(name: string, namespace: string): string {
  parseInput(argsSchema, { name, namespace }, 'uuidV5');
  const ns = hexToBytes(namespace.replace(/-/g, ''));
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(ns.length + nameBytes.length);
  input.set(ns);
  input.set(nameBytes, ns.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC variant
  const hex = toHex(hash);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
