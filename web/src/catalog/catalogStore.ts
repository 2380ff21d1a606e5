// GET /api/catalog/ once per page load; every caller shares the answer.
import { api } from '../api/client';
import type { Catalog } from '../api/types';

let cached: Promise<Catalog> | null = null;

export function loadCatalog(): Promise<Catalog> {
  if (!cached) {
    cached = api.get<Catalog>('/api/catalog/', { auth: false });
    // A failure is not cached: the next caller tries again.
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Tests only: forget the cached answer. */
export function resetCatalogCache(): void {
  cached = null;
}
