/**
 * Generates a big synthetic .qdpx quickly (for the benchmarks and the SIGKILL test), streaming to the file
 * with the refi-qda test generator: many documents of invented interview text, coded selections, cases with
 * variables, two coders. Half the codes are indicator labels, so their segments give observations.
 */
import { catalog, indicatorIds } from '@peerbridge/domain';
import { writeLargeQdpx } from '@peerbridge/refi-qda/testing';

export interface GenerateOptions {
  documents: number;
  segments: number;
  /** Participants (cases); documents are spread over them. */
  participants?: number;
}

/** Write the project to `file`; returns the number of segments (selection x code) written. */
export async function generateProject(file: string, options: GenerateOptions): Promise<number> {
  const mapped = indicatorIds.slice(0, 20).map((id) => catalog.indicators[id].label.en);
  const codeNames = [...mapped, ...Array.from({ length: 20 }, (_, i) => `Vlastní kód ${i + 1}`)];
  const summary = await writeLargeQdpx(file, { ...options, codeNames });
  return summary.segments;
}
