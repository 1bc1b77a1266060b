/**
 * Minimal XML serialisation for the writers: escaping that survives a round trip, and a string builder.
 * Kept rather than a library: the writers must refuse a character XML 1.0 cannot carry by naming its field,
 * and escape tab, CR and LF in attributes so they survive a round trip; the library would need that as glue.
 */

import { RefiQdaError } from './errors';

/** First index of a character XML 1.0 cannot carry (not even as a reference), or an unpaired surrogate; -1 if none. */
function forbiddenIndex(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    if (c === 0xfffe || c === 0xffff) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

function checkChars(value: string, what: string): void {
  const index = forbiddenIndex(value);
  if (index !== -1) {
    const code = value.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
    throw new RefiQdaError(
      'invalid_input',
      `${what} contains U+${code} at index ${index}, which XML 1.0 cannot represent; remove it before writing`,
    );
  }
}

/** Attribute values: whitespace characters become references so a parser does not normalise them to spaces. */
export function escapeAttr(value: string, what: string): string {
  checkChars(value, what);
  return value.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '\t':
        return '&#9;';
      case '\n':
        return '&#10;';
      default:
        return '&#13;';
    }
  });
}

/** Element text: CR becomes &#13; because parsers turn a literal CRLF into LF. */
export function escapeText(value: string, what: string): string {
  checkChars(value, what);
  return value.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

export type AttrValue = string | number | boolean | undefined;

/** Appends indented XML to an array; callers are responsible for the element order the schema wants. */
export class XmlOut {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private depth = 0;

  private attrs(name: string, attrs: Record<string, AttrValue>): string {
    let out = '';
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined) continue;
      out += ` ${key}="${escapeAttr(String(value), `attribute ${key} of <${name}>`)}"`;
    }
    return out;
  }

  private indent(): string {
    return '  '.repeat(this.depth);
  }

  open(name: string, attrs: Record<string, AttrValue> = {}): void {
    this.parts.push(`${this.indent()}<${name}${this.attrs(name, attrs)}>\n`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.parts.push(`${this.indent()}</${name}>\n`);
  }

  empty(name: string, attrs: Record<string, AttrValue> = {}): void {
    this.parts.push(`${this.indent()}<${name}${this.attrs(name, attrs)}/>\n`);
  }

  text(name: string, text: string | undefined): void {
    if (text === undefined) return;
    this.parts.push(`${this.indent()}<${name}>${escapeText(text, `text of <${name}>`)}</${name}>\n`);
  }

  toString(): string {
    return this.parts.join('');
  }
}

const GUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const RGB = /^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;

/** The schema's GUIDType; written files must validate, so a bad GUID is refused up front. */
export function guidAttr(value: string, what: string): string {
  if (!GUID.test(value)) {
    throw new RefiQdaError(
      'invalid_input',
      `${what} has GUID "${value}"; expected 8-4-4-4-12 hexadecimal digits`,
    );
  }
  return value;
}

export function optionalGuid(value: string | undefined, what: string): string | undefined {
  return value === undefined ? undefined : guidAttr(value, what);
}

export function colorAttr(value: string | undefined, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (!RGB.test(value))
    throw new RefiQdaError('invalid_input', `${what} has color "${value}"; expected #RRGGBB or #RGB`);
  return value;
}
