/**
 * Keyed pseudonyms for research exports (domain.md section 10): HMAC-SHA-256 through Web Crypto,
 * which Node 20 and every current browser provide as `globalThis.crypto.subtle`.
 */
import { z } from 'zod';
import { parseInput } from '../../errors';

const keySchema = z.union([z.string().min(1), z.instanceof(Uint8Array).refine((k) => k.length > 0)], {
  message: 'expected a non-empty string or Uint8Array key',
});
const messageSchema = z.union([z.string(), z.instanceof(Uint8Array)], {
  message: 'expected a string or Uint8Array',
});
const valueSchema = z.string({ message: 'expected a string to pseudonymize' });

/**
 * HMAC-SHA-256 of `message` under `key` as 64 lowercase hex digits. Strings are encoded as UTF-8.
 * Exposed so the RFC 4231 vectors can be checked; research exports should call `pseudonymize`.
 */
export async function hmacSha256Hex(key: string | Uint8Array, message: string | Uint8Array): Promise<string> {
  parseInput(keySchema, key, 'hmacSha256Hex key');
  parseInput(messageSchema, message, 'hmacSha256Hex message');
  const keyBytes = typeof key === 'string' ? new TextEncoder().encode(key) : Uint8Array.from(key);
  const data = typeof message === 'string' ? new TextEncoder().encode(message) : Uint8Array.from(message);
  const subtle = globalThis.crypto.subtle;
  const cryptoKey = await subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await subtle.sign('HMAC', cryptoKey, data));
  let hex = '';
  for (const b of mac) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * The keyed pseudonym of `value`: HMAC-SHA-256(key, UTF-8 value) as 64 lowercase hex digits.
 * The same key and value always give the same pseudonym, so records can still be linked; without
 * the key the original cannot be looked up, even from a list of likely values. Use a random key of
 * at least 32 bytes, keep it apart from the exported data, and keep it as long as exports must link.
 * @example await pseudonymize(key, 'participant-07') // '3f9c...' (64 hex digits)
 */
export async function pseudonymize(key: string | Uint8Array, value: string): Promise<string> {
  const k = parseInput(keySchema, key, 'pseudonymize key');
  const v = parseInput(valueSchema, value, 'pseudonymize value');
  return hmacSha256Hex(k, v);
}
