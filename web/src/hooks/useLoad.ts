import { useCallback, useEffect, useState } from 'react';
import { ApiError, messageOf } from '../api/errors';

export interface LoadState<T> {
  data: T | null;
  loading: boolean;
  /** A readable message when the load failed. */
  error: string | null;
  errorObject: ApiError | null;
  reload: () => void;
  setData: (data: T) => void;
}

/** Loads data for a page; `deps` restart it. Stale answers are dropped. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): LoadState<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'client', messageOf(e)));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading, error: error?.detail ?? null, errorObject: error, reload, setData };
}
