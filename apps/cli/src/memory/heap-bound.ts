/**
 * Keeping a long import's peak RSS bounded (issue 16). A streaming import keeps a small live heap (about
 * 40-60 MB at a million segments) but allocates gigabytes of short-lived objects; V8 then lets the old
 * generation grow to several times the live set before it collects (250 MB of heap and 380 MB RSS at a
 * million segments). The heap limit flags only work at process start, so the CLI instead asks for a full
 * collection when the heap in use passes a threshold: at the start of each phase, and at most once per `spacing`
 * progress steps of the XML read (ADR 0028). Small imports never reach the threshold and pay nothing.
 */

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Progress } from '@peerbridge/study-formats';

const MiB = 1024 * 1024;

/**
 * Heap in use (V8 heap plus external buffers) above which a full collection is asked for. Not the RSS: freed
 * pages are not always given back at once, so the RSS can stay high after a collection and would ask again
 * and again; the heap in use drops to the live set. 112 MiB of heap leaves the 250 MB target room for Node
 * itself, its code and SQLite's pages.
 */
export const HEAP_THRESHOLD = 112 * MiB;

let collect: (() => void) | null | undefined;

/** V8's full collection, exposed once on first use (`--expose-gc` at run time); null when refused. */
function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

export interface HeapBound {
  /** Full collections asked for so far. */
  readonly collections: number;
}

/**
 * `progress`, which also collects garbage when the heap in use is over `threshold` bytes, at most once per `spacing`
 * units of progress (bytes of XML: 4 MiB by default, so a live set above the threshold cannot make every
 * step collect).
 */
export function heapBoundedProgress(
  progress: Progress,
  threshold = HEAP_THRESHOLD,
  spacing = 4 * MiB,
): Progress & HeapBound {
  let next = 0;
  let collections = 0;
  const collectOver = (): boolean => {
    // V8's own counters: process.memoryUsage() also reads the RSS from /proc, about ten times the cost,
    // and this runs on every progress step of the XML read.
    const { used_heap_size, external_memory } = getHeapStatistics();
    if (used_heap_size + external_memory <= threshold) return false;
    const gc = collector();
    if (gc === null) return false;
    gc();
    collections++;
    return true;
  };
  return {
    get collections() {
      return collections;
    },
    start(phase, total) {
      // A new phase (the commit's copy above all) starts from a collected heap.
      collectOver();
      next = 0;
      progress.start(phase, total);
    },
    update(done) {
      progress.update(done);
      if (done >= next && collectOver()) next = done + spacing;
    },
    finish() {
      progress.finish();
    },
  };
}
