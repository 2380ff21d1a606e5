import { useCallback, useState } from 'react';
import { linkParam } from '../api/url';

/**
 * Cursor paging: the API gives only a `next` link in keyset mode, so the
 * cursors of earlier pages are kept here for Previous. `cursor` is '' for the
 * first page (an empty cursor asks the API for keyset paging).
 */
export function usePaging() {
  const [stack, setStack] = useState<string[]>(['']);
  const cursor = stack[stack.length - 1]!;
  const next = useCallback((nextLink: string | null) => {
    const c = linkParam(nextLink, 'cursor');
    if (c) setStack((s) => [...s, c]);
  }, []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack(['']), []);
  return { cursor, pageNumber: stack.length, hasPrevious: stack.length > 1, next, previous, reset };
}
