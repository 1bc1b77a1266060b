/**
 * Opening a record before reading it (ADR 0009): the page POSTs one audited "open" (one event per page
 * view), and its reads wait for it. This tab reuses an open record while the server still answers reads
 * for it; when a read is refused because the view lapsed (the tab was left open), it opens it again once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { trpcErrorCode } from './trpc';

/** Until when (ms) this tab may read each opened record; a minute short of the server's window. */
const openUntil = new Map<string, number>();

interface Read {
  error: unknown;
  refetch: () => Promise<unknown>;
}

export interface OpenRecord {
  /** True once the record is open: enable the page's reads on it. */
  opened: boolean;
  /** Why it could not be opened (NOT_FOUND, FORBIDDEN...), or null. */
  error: unknown;
  /** Opens it again (one more audited view); true when it is open. */
  reopen: () => Promise<boolean>;
}

export function useOpenRecord(key: string, open: () => Promise<{ validUntil: string }>): OpenRecord {
  const [state, setState] = useState<{ key: string; opened: boolean; error: unknown }>({
    key,
    opened: (openUntil.get(key) ?? 0) > Date.now(),
    error: null,
  });
  const openRef = useRef(open);
  openRef.current = open;
  const inFlight = useRef<string | null>(null);

  const run = useCallback(async () => {
    // One open per key at a time (React runs effects twice in development).
    if (inFlight.current === key) return false;
    inFlight.current = key;
    try {
      const view = await openRef.current();
      openUntil.set(key, Date.parse(view.validUntil) - 60_000);
      setState({ key, opened: true, error: null });
      return true;
    } catch (error) {
      setState({ key, opened: false, error });
      return false;
    } finally {
      inFlight.current = null;
    }
  }, [key]);

  useEffect(() => {
    if ((openUntil.get(key) ?? 0) > Date.now()) setState({ key, opened: true, error: null });
    else void run();
  }, [key, run]);

  const reopen = useCallback(() => {
    openUntil.delete(key);
    return run();
  }, [key, run]);

  const current = state.key === key ? state : { opened: false, error: null };
  return { opened: current.opened, error: current.error, reopen };
}

/** After the page's reads: when any is refused because the view lapsed, reopens the record and refetches them. */
export function useReopenWhenLapsed(record: OpenRecord, reads: ReadonlyArray<Read>): void {
  const refused = reads.filter((r) => trpcErrorCode(r.error) === 'PRECONDITION_FAILED');
  const refusedRef = useRef(refused);
  refusedRef.current = refused;
  const anyRefused = refused.length > 0;
  const { reopen } = record;
  useEffect(() => {
    if (!anyRefused) return;
    void reopen().then((ok) => {
      if (ok) for (const r of refusedRef.current) void r.refetch();
    });
  }, [anyRefused, reopen]);
}
