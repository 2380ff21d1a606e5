import { useCallback, useRef, useState } from 'react';
import { ApiError, type FieldErrors } from '../api/errors';

/**
 * Runs a form's request: `busy` while it runs, `error` (always an ApiError)
 * when it fails, and `fieldErrors` from it, ready for <Field errors>.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);

  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', 'Something went wrong. Please try again.'));
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const fieldErrors: FieldErrors = error?.fieldErrors ?? {};
  return { busy, error, setError, fieldErrors, run };
}

/**
 * useSubmit behind the form's own checks: `check(problems)` shows the
 * client-side problems and says whether the form may be sent; `errors` holds
 * them merged with the server's, per field, ready for <Field errors>.
 */
export function useCheckedSubmit() {
  const submit = useSubmit();
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const check = useCallback((problems: FieldErrors): boolean => {
    setClientErrors(problems);
    return Object.keys(problems).length === 0;
  }, []);
  return { ...submit, check, errors: mergeErrors(clientErrors, submit.fieldErrors) };
}

/** Client-side messages first, then the server's, per field. */
export function mergeErrors(client: FieldErrors, server: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...server };
  for (const [k, v] of Object.entries(client)) out[k] = [...v, ...(server[k] ?? [])];
  return out;
}
