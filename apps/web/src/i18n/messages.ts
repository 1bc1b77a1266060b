/** The shape of a translation resource: nested keys with strings at the leaves. */
export interface Messages {
  [key: string]: string | Messages;
}

/** Every key of a resource as dotted paths, with plural suffixes (_one, _few, _many, _other) folded. */
export function keysOf(messages: Messages, prefix = ''): string[] {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const k of keysOf(value, path)) keys.add(k);
  }
  return [...keys].sort();
}
