import { useCallback, useState } from 'react';
import type { Page } from '../../api/types';

/** Page-number paging for the admin lists (small tables; the API counts them). */
export function usePageNumber() {
  const [page, setPage] = useState(1);
  const next = useCallback(() => setPage((p) => p + 1), []);
  const previous = useCallback(() => setPage((p) => Math.max(1, p - 1)), []);
  const reset = useCallback(() => setPage(1), []);
  return { page, next, previous, reset };
}

export const ADMIN_PAGE_SIZE = 20;

/** "21–40 of 57" for a page of results. */
export function rangeText(page: number, data: Page<unknown>, size = ADMIN_PAGE_SIZE): string {
  if (data.results.length === 0) return '';
  const first = (page - 1) * size + 1;
  const last = first + data.results.length - 1;
  return data.count !== null ? `${first}–${last} of ${data.count}` : `${first}–${last}`;
}
