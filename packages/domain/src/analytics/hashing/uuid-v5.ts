/** Name-based UUIDs, version 5 (RFC 9562 section 5.5): the same name in the same namespace gives the same UUID. */
import { v5 } from 'uuid';
import { z } from 'zod';
import { parseInput } from '../../errors';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `s` is written as a UUID (8-4-4-4-12 hex digits). */
export function isUuid(s: string): boolean {
  return uuidPattern.test(s);
}

const argsSchema = z.object({
  name: z.string({ message: 'expected a string name' }),
  namespace: z.string().refine(isUuid, { message: 'expected a namespace UUID like 8-4-4-4-12 hex digits' }),
});

/** The UUID v5 of `name` (UTF-8) in the namespace UUID `namespace`, lowercase (the `uuid` library's v5). */
export function uuidV5(name: string, namespace: string): string {
  parseInput(argsSchema, { name, namespace }, 'uuidV5');
  return v5(name, namespace.toLowerCase());
}
