import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/errors';
import type { Catalog } from '../api/types';
import { loadCatalog } from './catalogStore';

export interface CatalogState {
  catalog: Catalog | null;
  error: string | null;
  retry: () => void;
}

export function useCatalog(): CatalogState {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    loadCatalog().then(
      (c) => live && setCatalog(c),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { catalog, error, retry };
}
