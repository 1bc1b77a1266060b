/**
 * Client-generated request ids for create mutations. A form keeps one id for every retry of the same
 * submit (a double click or a retry after a lost answer then creates nothing twice) and takes a new
 * one once the server has confirmed it. Keys let one page hold several forms (one per row or card).
 */
import { useCallback, useRef } from 'react';

export interface RequestIds {
  /** The id for `key`'s next submit: the same until `renew(key)`. */
  idFor(key?: string): string;
  /** Call after a confirmed success, so the next submit is a new request. */
  renew(key?: string): void;
}

export function useRequestIds(): RequestIds {
  const ids = useRef(new Map<string, string>());
  const idFor = useCallback((key = 'form') => {
    let id = ids.current.get(key);
    if (id === undefined) {
      id = crypto.randomUUID();
      ids.current.set(key, id);
    }
    return id;
  }, []);
  const renew = useCallback((key = 'form') => {
    ids.current.delete(key);
  }, []);
  return { idFor, renew };
}
