/**
 * Paragraphs (runs of text between line breaks, not blank) as the units of agreement, per domain.md
 * section 9. Offsets are UTF-16 code units, end exclusive, as segments are stored. The streaming form
 * takes a document in chunks, so finding a long source's paragraphs holds one chunk, not the source.
 */
import type { TextUnit } from '@peerbridge/domain';

export function paragraphUnits(documentId: string, text: string): TextUnit[] {
  const units: TextUnit[] = [];
  const pattern = /[^\r\n]+/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].trim() !== '') units.push({ documentId, start: m.index, end: m.index + m[0].length });
  }
  return units;
}

/**
 * The same units as `paragraphUnits(documentId, chunks.join(''))`, fed one chunk at a time. A run may
 * span chunks: only its start and whether it holds anything but white space are carried over
 * (`\s` is the set `trim` removes).
 */
export function paragraphScanner(documentId: string): {
  push(chunk: string): void;
  end(): TextUnit[];
} {
  const units: TextUnit[] = [];
  let offset = 0;
  let runStart = -1;
  let runHasText = false;
  const close = (at: number) => {
    if (runStart >= 0 && runHasText) units.push({ documentId, start: runStart, end: at });
    runStart = -1;
    runHasText = false;
  };
  const breaks = /[\r\n]+/g;
  return {
    push(chunk) {
      let from = 0;
      breaks.lastIndex = 0;
      for (let m = breaks.exec(chunk); ; m = breaks.exec(chunk)) {
        const to = m === null ? chunk.length : m.index;
        if (to > from) {
          if (runStart < 0) runStart = offset + from;
          if (!runHasText && /\S/.test(chunk.slice(from, to))) runHasText = true;
        }
        if (m === null) break;
        close(offset + m.index);
        from = m.index + m[0].length;
      }
      offset += chunk.length;
    },
    end() {
      close(offset);
      return units;
    },
  };
}
