/**
 * Redacting a project's known names inside free text: every occurrence of a known name, matched
 * case-insensitively on word boundaries and longest first, is replaced by its placeholder. When the
 * text changes length, offsets into the old text are mapped onto the new one, so coded selections
 * still cover the same (redacted) words.
 */

/** Words that name no one; a token of a known name that is one of them is not redacted on its own. */
const genericWords = new Set(
  [
    'interview',
    'interviews',
    'transcript',
    'transcription',
    'participant',
    'participants',
    'respondent',
    'case',
    'session',
    'notes',
    'note',
    'memo',
    'focus',
    'group',
    'with',
    'and',
    'the',
    'for',
    'from',
    'doc',
    'docx',
    'document',
    'text',
    'txt',
    'file',
    'recording',
    'audio',
    'part',
    'final',
    'draft',
    'version',
    'coder',
    'user',
    'admin',
    'researcher',
    'team',
    'psw',
    'peer',
    'worker',
    'supervisor',
    'rozhovor',
    'přepis',
    'prepis',
    'účastník',
    'účastnice',
    'ucastnik',
    'ucastnice',
    'respondent',
    'respondentka',
    'skupina',
    'poznámky',
    'poznamky',
  ].map((w) => w.normalize('NFC')),
);

/** The same form for every spelling a regex `iu` match may take: NFC, lower case, single spaces. */
export function nameKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const letterOrDigit = /[\p{L}\p{N}]/u;

/** A name's file stem: "Interview with X.txt" -> "Interview with X". */
export function fileStem(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

/** The word tokens of a name (an e-mail address: of its local part). */
function tokensOf(name: string): string[] {
  const at = name.indexOf('@');
  const part = at > 0 ? name.slice(0, at) : name;
  return part.split(/[^\p{L}\p{N}\p{M}']+/u).filter((t) => t !== '');
}

/**
 * Whether a whole name is worth looking for: a case called "A", a document called "Interview.txt" or
 * "01.txt" would otherwise redact every "a", "interview" or "01" of every text.
 */
function isRedactable(name: string): boolean {
  if (name.length < 2 || !letterOrDigit.test(name)) return false;
  if (genericWords.has(name.normalize('NFC').toLowerCase())) return false;
  return /\p{L}/u.test(name) || name.length >= 4;
}

function isNameToken(token: string): boolean {
  if (token.length < 3 || !/\p{L}/u.test(token)) return false;
  return !genericWords.has(token.normalize('NFC').toLowerCase());
}

/**
 * The strings to redact for one known name: the name itself, its file stem, the stem without generic
 * words ("Interview with Alice Realname" -> "Alice Realname"), and each token that is not a generic
 * word, a number or shorter than 3 characters ("Alice", "Realname").
 */
export function nameVariants(name: string): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const trimmed = s.trim();
    if (isRedactable(trimmed)) out.add(trimmed);
  };
  add(name);
  // An e-mail address has no file extension: "ann@example.org" is not the file "ann@example".
  const stem = name.includes('@') ? name.trim() : fileStem(name.trim());
  add(stem);
  const tokens = tokensOf(stem);
  const named = tokens.filter(
    (t) => t.length > 1 && /\p{L}/u.test(t) && !genericWords.has(t.normalize('NFC').toLowerCase()),
  );
  if (named.length > 1) add(named.join(' '));
  for (const t of tokens) if (isNameToken(t)) add(t);
  return [...out];
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One replacement in a text: [start, end) of the old text became `length` characters at `newStart`. */
interface Replacement {
  start: number;
  end: number;
  newStart: number;
  length: number;
}

export interface RedactedText {
  text: string;
  /** Names replaced. */
  count: number;
  /** Where an offset of the old text lands in the new one: a start inside a name goes to its placeholder's start. */
  mapStart(offset: number): number;
  /** An end inside a name goes to its placeholder's end, so a selection still covers the whole placeholder. */
  mapEnd(offset: number): number;
}

function offsetMapper(replacements: ReadonlyArray<Replacement>, side: 'start' | 'end') {
  return (offset: number): number => {
    // The last replacement that starts before `offset` (binary search: documents may hold many names).
    let lo = 0;
    let hi = replacements.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((replacements[mid] as Replacement).start < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return offset;
    const r = replacements[found] as Replacement;
    if (offset < r.end) return side === 'start' ? r.newStart : r.newStart + r.length;
    return offset + (r.newStart + r.length - r.end);
  };
}

export interface NameRedactor {
  /** How many distinct strings it looks for. */
  readonly size: number;
  redact(text: string): RedactedText;
  /** A label (code name, warning, variable value): redacted text only. */
  redactLabel(text: string): { text: string; count: number };
}

/**
 * A redactor for `names`: each maps to its placeholder. Longer names win over shorter ones they
 * contain; white space inside a name matches any run of white space; both NFC and NFD spellings match.
 */
export function nameRedactor(names: ReadonlyMap<string, string>): NameRedactor {
  const placeholders = new Map<string, string>();
  for (const [name, placeholder] of names) {
    const key = nameKey(name);
    if (key !== '' && !placeholders.has(key)) placeholders.set(key, placeholder);
  }
  const alternatives = new Set<string>();
  const sorted = [...placeholders.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const key of sorted) {
    for (const form of [key.normalize('NFC'), key.normalize('NFD')])
      alternatives.add(form.split(' ').map(escapeRegex).join('\\s+'));
  }
  const pattern =
    alternatives.size === 0
      ? null
      : new RegExp(
          `(?<![\\p{L}\\p{N}\\p{M}])(?:${[...alternatives].join('|')})(?![\\p{L}\\p{N}\\p{M}])`,
          'giu',
        );
  const placeholderOf = (match: string) =>
    placeholders.get(nameKey(match)) ?? placeholders.get(nameKey(match.normalize('NFC'))) ?? '[redacted]';

  const redact = (text: string): RedactedText => {
    if (pattern === null || text === '') {
      return { text, count: 0, mapStart: (o) => o, mapEnd: (o) => o };
    }
    const replacements: Replacement[] = [];
    let out = '';
    let last = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const placeholder = placeholderOf(m[0]);
      out += text.slice(last, m.index);
      replacements.push({
        start: m.index,
        end: m.index + m[0].length,
        newStart: out.length,
        length: placeholder.length,
      });
      out += placeholder;
      last = m.index + m[0].length;
    }
    out += text.slice(last);
    return {
      text: out,
      count: replacements.length,
      mapStart: offsetMapper(replacements, 'start'),
      mapEnd: offsetMapper(replacements, 'end'),
    };
  };
  return {
    size: placeholders.size,
    redact,
    redactLabel(text) {
      const { text: redacted, count } = redact(text);
      return { text: redacted, count };
    },
  };
}
